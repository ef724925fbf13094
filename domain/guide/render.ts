import { buildPolicyGuide, type GuideBlock, type GuidePartners, type GuidePolicyVersion } from './build';

/**
 * Text comes from administrators (distributor names, regions, programs), so each rendering
 * escapes it: Markdown so that a name cannot start a link or emphasis, HTML so it cannot inject.
 */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`);

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

function markdownBlock(block: GuideBlock): string {
  if (block.kind === 'paragraph') return escapeMarkdown(block.text);
  return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
}

export function renderPolicyGuideMarkdown(
  policyVersion: GuidePolicyVersion,
  partners: GuidePartners,
  upcoming?: GuidePolicyVersion,
): string {
  const guide = buildPolicyGuide(policyVersion, partners, upcoming);
  const parts = [`# ${escapeMarkdown(guide.title)}`, escapeMarkdown(guide.intro)];
  for (const section of guide.sections) {
    parts.push(`## ${escapeMarkdown(section.heading)}`, ...section.blocks.map(markdownBlock));
  }
  return `${parts.join('\n\n')}\n`;
}

function htmlBlock(block: GuideBlock): string {
  if (block.kind === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`;
  return `<ul>\n${block.items.map((item) => `  <li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`;
}

/** Self-contained: inline style only, no script, nothing fetched from elsewhere. */
const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}h1,h2{line-height:1.2}li{margin:.3rem 0}';

export function renderPolicyGuideHtml(
  policyVersion: GuidePolicyVersion,
  partners: GuidePartners,
  upcoming?: GuidePolicyVersion,
): string {
  const guide = buildPolicyGuide(policyVersion, partners, upcoming);
  const body = [`<h1>${escapeHtml(guide.title)}</h1>`, `<p>${escapeHtml(guide.intro)}</p>`];
  for (const section of guide.sections) {
    body.push(`<h2>${escapeHtml(section.heading)}</h2>`, ...section.blocks.map(htmlBlock));
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(guide.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
