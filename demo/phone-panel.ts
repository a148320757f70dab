/**
 * The demo's "phone": for a claim that asks for a one-time code, the latest message the sandbox sent to its
 * destination (`GET /api/demo/claims/{token}/messages`, DEMO only), as the recipient's phone or mailbox would show
 * it. Checked every 3 s while the page is visible; in the page's language.
 */
type Lang = 'ja' | 'en';

const WORDS = {
  ja: {
    title: 'サンドボックスの電話',
    intro: '本番ではこのコードが受取人のスマートフォン（SMS）またはメールに届きます。サンドボックスでは 000000 でも確認できます。',
    none: 'まだメッセージはありません。「確認コードを送信」を押してください。',
    sms: 'SMS',
    email: 'メール',
    refresh: 'メッセージを確認',
  },
  en: {
    title: 'Sandbox phone',
    intro: 'In production this code reaches the recipient’s phone (SMS) or mailbox. In the sandbox, 000000 works too.',
    none: 'No message yet. Press “Send code”.',
    sms: 'SMS',
    email: 'Email',
    refresh: 'Check messages',
  },
} as const;

interface Message {
  channel: 'sms' | 'email';
  to: string;
  text: string;
  sentAt: string;
}

export function phonePanel(panel: HTMLElement, token: () => string | null) {
  let lang: Lang = 'ja';
  let latest: Message | null = null;
  let asksForCode = false;
  const title = panel.querySelector<HTMLElement>('.phone-title')!;
  const intro = panel.querySelector<HTMLElement>('.phone-intro')!;
  const body = panel.querySelector<HTMLElement>('.phone-message')!;
  const refresh = panel.querySelector<HTMLButtonElement>('.phone-refresh')!;

  const render = () => {
    const w = WORDS[lang];
    panel.hidden = !asksForCode;
    title.textContent = w.title;
    intro.textContent = w.intro;
    refresh.textContent = w.refresh;
    body.textContent = latest
      ? `${w[latest.channel]} → ${latest.to} (${new Date(latest.sentAt).toLocaleTimeString(lang)}): ${latest.text}`
      : w.none;
  };

  const check = async () => {
    const current = token();
    if (!current) return;
    if (!asksForCode) {
      const claim = await fetch(`/api/claims/${encodeURIComponent(current)}`).then((r) => (r.ok ? r.json() : null));
      asksForCode = !!claim?.verification;
    }
    if (asksForCode) {
      const answer = await fetch(`/api/demo/claims/${encodeURIComponent(current)}/messages`).then((r) => (r.ok ? r.json() : null));
      latest = (answer?.messages?.[0] as Message | undefined) ?? null;
    }
    render();
  };

  refresh.addEventListener('click', () => void check());
  setInterval(() => {
    if (!document.hidden && asksForCode) void check();
  }, 3000);
  void check();
  return {
    setLang(next: Lang) {
      lang = next;
      render();
    },
  };
}
