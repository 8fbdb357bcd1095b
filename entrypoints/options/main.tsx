import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/ui.css';
import './options.css';

render(<OptionsApp />, document.getElementById('app')!);
