// Every identifier Slack sends back to us, in one place: manifest.yml is checked against these.

export const SLASH_COMMAND = '/aigov';
export const BOT_EVENTS = ['app_home_opened'] as const;

export const SHORTCUTS = {
  registerSystem: 'aigov_register_system',
  attachEvidence: 'aigov_attach_evidence',
} as const;

/** Workflow Builder steps (manifest `functions`), by callback_id. */
export const FUNCTIONS = {
  registerSystem: 'aigov_register_ai_system',
  requestEvidence: 'aigov_request_evidence',
} as const;

export const VIEWS = {
  intakeStart: 'aigov_intake_start',
  intakeDetails: 'aigov_intake_details',
  intakeReview: 'aigov_intake_review',
  intakeRequest: 'aigov_intake_request',
  evidenceSubmit: 'aigov_evidence_submit',
  evidenceReuse: 'aigov_evidence_reuse',
  evidenceStillValid: 'aigov_evidence_still_valid',
  claimReassign: 'aigov_claim_reassign',
  claimCannotProvide: 'aigov_claim_cannot_provide',
  classificationOverride: 'aigov_classification_override',
  reviewRecord: 'aigov_review_record',
  decisionReject: 'aigov_decision_reject',
  exceptionResolve: 'aigov_exception_resolve',
  escalationSnooze: 'aigov_escalation_snooze',
  escalationReassign: 'aigov_escalation_reassign',
  riskExtend: 'aigov_risk_extend',
  attachEvidence: 'aigov_attach_evidence_pick',
  exemptionClaim: 'aigov_exemption_claim',
  soaControl: 'aigov_soa_control',
  soaScope: 'aigov_soa_scope',
} as const;

export const ACTIONS = {
  evidenceSubmit: 'aigov_evidence_submit',
  evidenceReuse: 'aigov_evidence_reuse',
  evidenceStillValid: 'aigov_evidence_still_valid',
  claimReassign: 'aigov_claim_reassign',
  claimCannotProvide: 'aigov_claim_cannot_provide',
  openRecord: 'aigov_open_record',
  overrideClassification: 'aigov_override_classification',
  reportChange: 'aigov_report_change',
  startReview: 'aigov_start_review',
  decisionApprove: 'aigov_decision_approve',
  decisionReject: 'aigov_decision_reject',
  exceptionAcceptRisk: 'aigov_exception_accept_risk',
  exceptionCorrectiveAction: 'aigov_exception_corrective_action',
  escalationSnooze: 'aigov_escalation_snooze',
  escalationReassign: 'aigov_escalation_reassign',
  escalationAcknowledge: 'aigov_escalation_acknowledge',
  riskExtend: 'aigov_risk_extend',
  riskClose: 'aigov_risk_close',
  exceptionActionDone: 'aigov_exception_action_done',
  registerSystem: 'aigov_register_system',
  claimExemption: 'aigov_claim_exemption',
  soaDecideControl: 'aigov_soa_decide_control',
  soaNistOwner: 'aigov_soa_nist_owner',
  soaRecordScope: 'aigov_soa_record_scope',
} as const;
