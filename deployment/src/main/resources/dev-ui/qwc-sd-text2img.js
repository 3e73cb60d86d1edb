import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import { notifier } from 'notifier';
import '@vaadin/text-area';
import '@vaadin/button';
import '@vaadin/progress-bar';

/**
 * A prompt box: renders the prompt with sd:text2img through the application's CamelContext (so with the endpoint
 * options and the API the application has) and shows the image with its job id and seed.
 */
export class QwcSdText2img extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host {
            display: flex;
            flex-direction: column;
            gap: 10px;
            padding: 10px 15px;
        }
        vaadin-text-area {
            width: 100%;
            min-height: 6em;
        }
        img {
            max-width: 100%;
            max-height: 70vh;
            align-self: flex-start;
        }
        .meta {
            font-size: small;
            color: var(--lumo-contrast-60pct);
        }
    `;

    static properties = {
        _prompt: { state: true },
        _rendering: { state: true },
        _image: { state: true },
    };

    constructor() {
        super();
        this._prompt = '';
        this._rendering = false;
        this._image = null;
    }

    render() {
        return html`
            <vaadin-text-area label="Prompt" placeholder="a red fox in the snow, watercolor"
                .value="${this._prompt}"
                @value-changed="${e => this._prompt = e.detail.value}"
                @keydown="${e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this._render(); }}">
            </vaadin-text-area>
            <vaadin-button theme="primary" ?disabled="${this._rendering || !this._prompt.trim()}"
                @click="${() => this._render()}">Render with sd:text2img</vaadin-button>
            ${this._rendering ? html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>` : ''}
            ${this._image ? html`
                <img src="${this._image.dataUrl}" alt="${this._prompt}">
                <div class="meta">job ${this._image.jobId ?? '-'}, seed ${this._image.seed ?? '-'},
                    generation time ${this._image.generationTime ?? '-'} s</div>` : ''}
        `;
    }

    _render() {
        if (this._rendering || !this._prompt.trim()) {
            return;
        }
        this._rendering = true;
        this.jsonRpc.text2img({ prompt: this._prompt })
            .then(response => { this._image = response.result; })
            .catch(error => notifier.showErrorMessage(error?.error?.message ?? String(error)))
            .finally(() => { this._rendering = false; });
    }
}
customElements.define('qwc-sd-text2img', QwcSdText2img);
