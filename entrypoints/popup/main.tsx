import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import '../../components/ui.css';
import './popup.css';

render(<PopupApp />, document.getElementById('app')!);
