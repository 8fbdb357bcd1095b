import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { applyDocumentLocale, t } from '../../lib/ui/i18n';
import '../../components/ui.css';
import './popup.css';

applyDocumentLocale(document, t('popup.documentTitle'));
render(<PopupApp />, document.getElementById('app')!);
