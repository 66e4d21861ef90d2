/**
 * The demo page's script (served as /demo.js, transpiled by the demo server). It turns the page's
 * call buttons into fetches and logs what it sent. Standalone: it imports nothing, and it writes
 * response-independent text only, through textContent.
 *
 * The body carries data-state ("busy" while a batch runs, else "idle") and data-sent (requests
 * answered so far), so tests can wait for a batch to finish.
 */
/** Requests in flight during a burst: enough to keep the server busy, few enough to keep the page responsive. */
const BURST_CONCURRENCY = 16;
/** Log lines kept on the page; a burst logs one summary line, not one per request. */
const LOG_LIMIT = 500;
let sent = 0;
let running = 0;
function element(selector, type) {
    const found = document.querySelector(selector);
    return found instanceof type ? found : null;
}
function log(line) {
    const list = element('#log', HTMLOListElement);
    if (list === null)
        return;
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()}  ${line}`;
    list.append(item);
    while (list.childElementCount > LOG_LIMIT)
        list.firstElementChild?.remove();
    item.scrollIntoView({ block: 'nearest' });
}
function showProgress() {
    document.body.dataset['sent'] = String(sent);
    document.body.dataset['state'] = running > 0 ? 'busy' : 'idle';
    const output = element('#sent-count', HTMLOutputElement);
    if (output !== null)
        output.textContent = `${sent} sent`;
}
/** Runs one batch of sends, keeping data-state accurate even when a send fails. */
async function batch(work) {
    running += 1;
    showProgress();
    try {
        await work();
    }
    finally {
        running -= 1;
        showProgress();
    }
}
function headersOf(button) {
    const headers = new Headers();
    let declared;
    try {
        declared = JSON.parse(button.dataset['headers'] ?? '{}');
    }
    catch {
        declared = {};
    }
    if (typeof declared === 'object' && declared !== null) {
        for (const [name, value] of Object.entries(declared)) {
            if (typeof value !== 'string')
                continue;
            try {
                headers.set(name, value);
            }
            catch {
                // a header fetch refuses (invalid name or value) is left out, as a browser client would
            }
        }
    }
    if (button.dataset['idempotencyKey'] !== undefined)
        headers.set('Idempotency-Key', crypto.randomUUID());
    return headers;
}
/**
 * Sends the request a call button describes; returns the status ("redirect" for a 3xx, which is not
 * followed: fixture Locations point at paths this server does not have), or null when the network failed.
 */
function send(button) {
    const method = button.dataset['method'] ?? 'GET';
    const credentials = button.dataset['credentials'] === 'omit' ? 'omit' : 'same-origin';
    return sendRequest(button.dataset['path'] ?? '/', method, headersOf(button), method === 'GET' || method === 'HEAD' ? undefined : button.dataset['body'], credentials);
}
async function sendRequest(url, method, headers, body, credentials) {
    try {
        const response = await fetch(url, { method, headers, body, credentials, cache: 'no-store', redirect: 'manual' });
        await response.arrayBuffer();
        return response.type === 'opaqueredirect' ? 'redirect' : response.status;
    }
    catch {
        return null;
    }
    finally {
        sent += 1;
    }
}
async function sendAndLog(button) {
    const status = await send(button);
    log(`${button.dataset['method'] ?? 'GET'} ${button.dataset['path'] ?? '/'} → ${status ?? 'network error'}`);
    showProgress();
}
/** The error fixtures' buttons in fixture order (the page shows them grouped by family). */
function errorButtons() {
    const order = (button) => Number(button.dataset['order'] ?? 0);
    return [...document.querySelectorAll('#fixtures button[data-error="true"]')].sort((a, b) => order(a) - order(b));
}
/** "Fire everything": every error fixture once, one after the other, so the panel lists them in order. */
async function fireAll() {
    const buttons = errorButtons();
    log(`firing all ${buttons.length} error fixtures`);
    for (const button of buttons)
        await sendAndLog(button);
}
/** Sends `count` requests cycling over the error fixtures, BURST_CONCURRENCY at a time. */
async function burst(count) {
    const buttons = errorButtons();
    if (buttons.length === 0 || count <= 0)
        return;
    const started = performance.now();
    let next = 0;
    let failed = 0;
    const worker = async () => {
        while (next < count) {
            const button = buttons[next % buttons.length];
            next += 1;
            if (button === undefined)
                continue;
            if ((await send(button)) === null)
                failed += 1;
            if (sent % 100 === 0)
                showProgress();
        }
    };
    log(`burst: sending ${count} requests over ${buttons.length} error fixtures`);
    await Promise.all(Array.from({ length: Math.min(BURST_CONCURRENCY, count) }, worker));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`burst: ${count} sent in ${seconds} s${failed > 0 ? `, ${failed} network errors` : ''}`);
}
function planOf(button) {
    try {
        const plan = JSON.parse(button.dataset['plan'] ?? '[]');
        return Array.isArray(plan) ? plan : [];
    }
    catch {
        return [];
    }
}
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * "Misbehaving client" (e2e/demo/misbehave.ts): retries as buggy clients do, each step on a fixed timer
 * whatever the server said; the last step calls another origin that sends no CORS headers.
 */
async function misbehave(button) {
    const other = button.dataset['otherOrigin'] ?? '';
    for (const step of planOf(button)) {
        const url = step.other ? other + step.call.path : step.call.path;
        for (let i = 0; i < step.times; i++) {
            if (i > 0)
                await pause(step.everyMs);
            const headers = new Headers(step.call.headers);
            const body = step.call.method === 'GET' ? undefined : (step.call.body ?? undefined);
            const status = await sendRequest(url, step.call.method, headers, body, step.other ? 'omit' : 'same-origin');
            log(`${step.shows}: ${step.call.method} ${url} → ${status ?? 'network error (the page could not read the response)'}`);
            showProgress();
        }
    }
}
function burstCount() {
    const input = element('#burst-count', HTMLInputElement);
    const value = Math.floor(Number(input?.value ?? '0'));
    return Number.isFinite(value) ? Math.min(Math.max(value, 0), 100_000) : 0;
}
function wire() {
    element('#fire-all', HTMLButtonElement)?.addEventListener('click', () => void batch(fireAll));
    element('#burst', HTMLButtonElement)?.addEventListener('click', () => void batch(() => burst(burstCount())));
    const misbehaving = element('#misbehave', HTMLButtonElement);
    misbehaving?.addEventListener('click', () => void batch(() => misbehave(misbehaving)));
    for (const button of document.querySelectorAll('button[data-path]')) {
        button.addEventListener('click', () => void batch(() => sendAndLog(button)));
    }
    if (new URLSearchParams(location.search).get('autofire') === '1')
        void batch(fireAll);
}
wire();
export {};
