import {
  buildPolicyGuide,
  durationInWords,
  renderPolicyGuideHtml,
  renderPolicyGuideMarkdown,
} from '../../../domain/guide';
import type { PolicyInput } from '../../../domain/policy/schema';
import { contractExamplePolicy, policy } from './fixtures';

const partners = {
  distributors: [
    { id: 'dist-a', name: 'Dist A' },
    { id: 'dist-b', name: 'Dist B' },
  ],
};
const version = (input: PolicyInput) => ({
  version: 4,
  policy: policy(input),
  createdAt: new Date('2026-02-01T09:30:00Z'),
});
const markdown = (input: PolicyInput) => renderPolicyGuideMarkdown(version(input), partners);

describe('durationInWords', () => {
  it.each([
    ['P90D', '90 days'],
    ['PT48H', '48 hours'],
    ['PT5S', '5 seconds'],
    ['P1D', '1 day'],
    ['P2W', '2 weeks'],
    ['P1DT12H', '1 day and 12 hours'],
    ['PT1H30M15S', '1 hour, 30 minutes and 15 seconds'],
  ])('%s is %s', (iso, words) => {
    expect(durationInWords(iso)).toBe(words);
  });
});

describe("the guide for the contract's example policy", () => {
  const text = markdown(contractExamplePolicy);

  it('names the version and its date', () => {
    expect(text).toContain('Policy version 4, in force since 2026-02-01.');
  });

  it('states each route in plain words, in order', () => {
    const sewp = text.indexOf('- Registrations under the SEWP V program: register through Dist A (dist-a) only.');
    const dod = text.indexOf('- Federal DoD customers: register through Dist A (dist-a) only.');
    expect(sewp).toBeGreaterThan(-1);
    expect(dod).toBeGreaterThan(sewp);
  });

  it('says what happens off-route and that the rest is open', () => {
    expect(text).toContain('is rejected (reason: wrong-route)');
    expect(text).toContain('everything else is open');
    expect(text).not.toContain('unrouted');
  });

  it('explains conflicts with the threshold as a percentage', () => {
    expect(text).toContain('First come, first served');
    expect(text).toContain('at least 90% alike');
    expect(text).toContain('channel manager instead of being rejected');
  });

  it('gives timings in words', () => {
    expect(text).toContain('protected for 90 days');
    expect(text).toContain('reminded 14 days before');
    expect(text).toContain('extend protection by 30 days, at most once');
    expect(text).toContain('Extensions are granted at once.');
    expect(text).toContain('48 hours to decide');
    expect(text).toContain('24 hours more');
    expect(text).toContain('the registration accepted first wins');
  });
});

describe('the guide follows the policy', () => {
  it('segment: region and partner type conditions, escalation off-route, unrouted handling', () => {
    const text = markdown({
      model: 'segment',
      routes: [
        {
          when: { segments: ['education', 'state-local'], regions: ['East'], partnerTypes: ['var'] },
          distributors: ['dist-a', 'dist-b'],
        },
      ],
      onWrongRoute: 'escalate',
      matching: { nameSimilarity: 0.85 },
      timing: { protection: 'PT30S', expiryReminder: 'PT5S', onSecondSlaBreach: 'reject-all', extension: { max: 0 } },
    });
    expect(text).toContain(
      '- Education or state and local government customers in the East region, registered by VARs (value-added resellers): register through Dist A (dist-a) or Dist B (dist-b) only.',
    );
    expect(text).toContain('is sent to a channel manager, who decides (reason: wrong-route)');
    expect(text).toContain('no rule covers is sent to a channel manager, who decides (reason: unrouted)');
    expect(text).toContain('at least 85% alike');
    expect(text).toContain('protected for 30 seconds');
    expect(text).toContain('reminded 5 seconds before');
    expect(text).toContain('Protection cannot be extended.');
    expect(text).toContain('every registration in the escalation is rejected');
  });

  it('open: no routes, any distributor', () => {
    const guide = buildPolicyGuide(version({ model: 'open' }), partners);
    const routing = guide.sections[0]!;
    expect(routing.blocks.some((block) => block.kind === 'list')).toBe(false);
    expect(JSON.stringify(routing)).toContain('any distributor');
  });

  it('extensions that need approval say so', () => {
    const text = markdown({ model: 'open', timing: { extension: { period: 'P2W', max: 3, needsApproval: true } } });
    expect(text).toContain('by 2 weeks, at most 3 times per registration');
    expect(text).toContain('channel manager’s approval (reason: extension-request)');
  });
});

describe('renderings', () => {
  const hostile = { distributors: [{ id: 'dist-a', name: '<script>alert(1)</script> & *Co*' }] };
  const example = version(contractExamplePolicy);

  it('HTML escapes partner names and stands alone', () => {
    const html = renderPolicyGuideHtml(example, hostile);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; *Co*');
    expect(html).not.toMatch(/<link|src=|href=/);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h2>How conflicts are settled</h2>');
  });

  it('Markdown escapes what would become markup', () => {
    expect(renderPolicyGuideMarkdown(example, hostile)).toContain('\\<script\\>alert(1)\\</script\\> & \\*Co\\*');
  });

  it('both renderings carry the same sections', () => {
    const headings = buildPolicyGuide(example, partners).sections.map((section) => section.heading);
    const md = renderPolicyGuideMarkdown(example, partners);
    const html = renderPolicyGuideHtml(example, partners);
    for (const heading of headings) {
      expect(md).toContain(`## ${heading}`);
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
  });
});

describe('the guide with a change scheduled', () => {
  const inForce = { ...version({ model: 'open' }), effectiveFrom: new Date('2026-02-03T00:00:00Z') };
  const upcoming = {
    version: 5,
    policy: policy({
      model: 'segment',
      routes: [{ when: { segments: ['federal-dod'] }, distributors: ['dist-b'] }],
    }),
    createdAt: new Date('2026-02-10T08:00:00Z'),
    effectiveFrom: new Date('2026-03-01T06:30:00Z'),
  };
  const guide = buildPolicyGuide(inForce, partners, upcoming);
  const text = renderPolicyGuideMarkdown(inForce, partners, upcoming);

  it('dates the version in force by when it took force, not when it was stored', () => {
    expect(guide.intro).toContain('Policy version 4, in force since 2026-02-03');
  });

  it('announces the upcoming version and its instant before the current rules', () => {
    expect(guide.sections[0]?.heading).toBe('Upcoming change');
    expect(text).toContain('Policy version 5 takes force on 2026-03-01 at 06:30 UTC');
    expect(text).toContain('those submitted before stay under version 4');
  });

  it('sets out both rule sets, the upcoming one under dated headings', () => {
    const headings = guide.sections.map((section) => section.heading);
    expect(headings).toContain('Who you register through');
    expect(headings).toContain('From 2026-03-01 at 06:30 UTC (version 5): Who you register through');
    expect(text).toContain('The program is open');
    expect(text).toContain('routed by the customer');
    expect(renderPolicyGuideHtml(inForce, partners, upcoming)).toContain('<h2>Upcoming change</h2>');
  });

  it('says nothing of a change when none is scheduled', () => {
    expect(renderPolicyGuideMarkdown(inForce, partners)).not.toContain('Upcoming change');
  });
});
