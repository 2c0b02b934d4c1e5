import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextStep, previousStep, resumeStep, stepOfPath, stepState } from './intake-steps.ts';

test('each path the server lists belongs to the step that records it', () => {
  assert.equal(stepOfPath('identity.dateOfBirth'), 'identity');
  assert.equal(stepOfPath('data.commitmentOrder'), 'commitment');
  assert.equal(stepOfPath('body.data.legal.sentences.0.startDate'), 'legal');
  assert.equal(stepOfPath('securityCategory'), 'legal');
  assert.equal(stepOfPath('family.emergencyContact'), 'health');
  assert.equal(stepOfPath('propertySignedOff'), 'property');
  assert.equal(stepOfPath('rights.acknowledged'), 'arrival');
  assert.equal(stepOfPath('prisonNumber'), 'review');
});

test('a step is done when something was saved and nothing it owns is missing', () => {
  const intake = {
    data: { identity: { familyName: 'Каримова', givenName: 'Нигина' }, commitmentOrder: undefined },
    missing: [
      { path: 'identity.dateOfBirth', code: 'required' },
      { path: 'commitmentOrder', code: 'commitment-order-required' },
    ],
  };
  assert.equal(stepState(intake, 'identity'), 'missing');
  assert.equal(stepState(intake, 'commitment'), 'missing');
  assert.equal(stepState(intake, 'property'), 'todo');
  assert.equal(stepState({ data: { property: [] }, missing: [] }, 'property'), 'done');
  assert.equal(stepState(intake, 'review'), 'todo');
});

test('the wizard resumes at the first step not yet done', () => {
  assert.equal(resumeStep({ data: {}, missing: [] }), 'identity');
  assert.equal(resumeStep({ data: { identity: { familyName: 'А', givenName: 'Б' } }, missing: [{ path: 'commitmentOrder', code: 'commitment-order-required' }] }), 'commitment');
  const all = { identity: {}, commitmentOrder: { kind: 'court-sentence' as const, issuedBy: 'x', reference: 'y', issuedOn: '2024-01-01', validUntil: null }, legal: {}, admission: {}, property: [], search: { searchedBy: 'x' } };
  assert.equal(resumeStep({ data: all, missing: [] }), 'review');
  assert.equal(nextStep('review'), 'review');
  assert.equal(previousStep('identity'), 'identity');
  assert.equal(nextStep('identity'), 'commitment');
});
