import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import { pages, devService } from 'build-time-data';
import 'qwc/qwc-extension-link.js';

/**
 * The camel-sd card: the API the sd component calls (the Dev Services emulator, or the configured base URL; never
 * the key), the sd jobs in flight, refreshed while the card is shown, and the links to the extension's pages.
 */
export class QwcSdCard extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .card-content {
            color: var(--lumo-contrast-90pct);
            display: flex;
            flex-direction: column;
            padding: 2px 2px;
            height: 100%;
        }
        .description {
            padding-bottom: 10px;
        }
        .status {
            font-size: small;
            padding-bottom: 10px;
        }
        .status code {
            word-break: break-all;
        }
    `;

    static properties = {
        extensionName: { attribute: true },
        description: { attribute: true },
        guide: { attribute: true },
        namespace: { attribute: true },
        _status: { state: true },
        _error: { state: true },
    };

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
        // a job in flight shows up within two seconds; nothing is asked while the card is not shown
        this._timer = setInterval(() => this._refresh(), 2000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        super.disconnectedCallback();
    }

    _refresh() {
        this.jsonRpc.getStatus()
            .then(response => { this._status = response.result; this._error = null; })
            .catch(error => { this._error = error?.error?.message ?? String(error); });
    }

    render() {
        return html`<div class="card-content" slot="content">
            <div class="description">${this.description}</div>
            ${this._renderStatus()}
            ${pages.map(page => html`
                <qwc-extension-link slot="link"
                    namespace="${this.namespace}"
                    extensionName="${this.extensionName}"
                    iconName="${page.icon}"
                    displayName="${page.title}"
                    staticLabel="${page.staticLabel}"
                    dynamicLabel="${page.dynamicLabel}"
                    streamingLabel="${page.streamingLabel}"
                    path="${page.id}"
                    ?embed=${page.embed}
                    externalUrl="${page.metadata.externalUrl}"
                    webcomponent="${page.componentLink}">
                </qwc-extension-link>`)}
        </div>`;
    }

    _renderStatus() {
        if (this._error) {
            return html`<div class="status">Status unavailable: ${this._error}</div>`;
        }
        if (!this._status) {
            return html`<div class="status">Reading the sd component...</div>`;
        }
        return html`<div class="status">
            <div>${devService ? 'API emulator (Dev Services)' : 'API'}: <code>${this._status.baseUrl}</code>
                (${this._status.apiVersion})</div>
            <div>Jobs in flight: <b>${this._status.jobsInFlight}</b></div>
        </div>`;
    }
}
customElements.define('qwc-sd-card', QwcSdCard);
