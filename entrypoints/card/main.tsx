import { render } from 'preact';
import { CardApp } from '../../components/CardApp';
import { CardPort } from '../../lib/ui/card-port';
import { call } from '../../lib/ui/clients';
import { applyDocumentLocale, t } from '../../lib/ui/i18n';
import '../../components/ui.css';
import './card.css';

// Listening before anything renders: the content script hands the port over on the frame's load.
const port = new CardPort(window, (ticket) => call('card:claim', { ticket }).then(() => true));

applyDocumentLocale(document, t('card.title'));
render(<CardApp port={port} />, document.getElementById('app')!);
