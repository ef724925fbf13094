import { draftOf, draftText, newRoute, usedValues } from '../../../console/src/pages/policy-draft';
import { errorsAt, fieldId } from '../../../console/src/ui/field-paths';

// The policy form's model of the JSON text, and where the API's field errors are shown.

test('the form edits the JSON view’s text when it is an object, and writes it back unchanged', () => {
  const text = draftText({
    model: 'segment',
    routes: [{ when: { segments: ['commercial'] }, distributors: ['dist-a'] }],
  });
  const parsed = draftOf(text);
  expect('draft' in parsed && draftText(parsed.draft)).toBe(text);
  expect(draftOf('[1, 2]')).toEqual({ error: 'the policy must be a JSON object' });
  expect(draftOf('{"model": ')).toHaveProperty('error');
});

test('a new route names what its model routes by, so that it can apply', () => {
  expect(newRoute('partner-type', 'dist-a')).toEqual({
    when: { partnerTypes: ['integrator'] },
    distributors: ['dist-a'],
  });
  expect(newRoute('hybrid', undefined)).toEqual({ when: { segments: ['commercial'] }, distributors: [] });
});

test('regions and programs used elsewhere are suggested once each', () => {
  const routes = [
    { when: { regions: ['west', 'east'] }, distributors: ['dist-a'] },
    { when: { regions: ['east'], programs: ['edu-2026'] }, distributors: ['dist-b'] },
  ];
  expect(usedValues(routes, 'regions')).toEqual(['east', 'west']);
  expect(usedValues(routes, 'programs')).toEqual(['edu-2026']);
});

test('an error is shown at its field and at the pickers that contain it, not at a sibling', () => {
  const errors = [
    { path: 'routes.0.distributors.1', message: 'unknown distributor "dist-x"' },
    { path: 'routes.10.when', message: 'a route must name at least one of …' },
  ];
  expect(errorsAt(errors, 'routes.0.distributors')).toHaveLength(1);
  expect(errorsAt(errors, 'routes.1')).toHaveLength(0);
  expect(errorsAt(errors, 'routes.10.when', true)).toHaveLength(1);
  expect(errorsAt(errors, 'routes', true)).toHaveLength(0);
  expect(fieldId('timing.expiryReminder')).toBe('field-timing-expiryReminder');
});
