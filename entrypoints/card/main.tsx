import { render } from 'preact';
import { CardApp } from '../../components/CardApp';
import '../../components/ui.css';
import './card.css';

render(<CardApp />, document.getElementById('app')!);
