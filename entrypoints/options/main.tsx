import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import { applyDocumentLocale, t } from '../../lib/ui/i18n';
import '../../components/ui.css';
import './options.css';

applyDocumentLocale(document, t('options.documentTitle'));
render(<OptionsApp />, document.getElementById('app')!);
