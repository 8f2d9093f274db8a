import { SLASH_COMMAND } from '../ids.js';

const COMMANDS: [string, string][] = [
  [`${SLASH_COMMAND}` + ' or ' + `${SLASH_COMMAND} new`, 'register an AI system, or raise a change, incident, supplier or assurance request'],
  [`${SLASH_COMMAND} mine`, 'your systems and the open requests waiting for you'],
  [`${SLASH_COMMAND} status <id or name>`, 'one record: classification and reasons, owners, evidence progress, next review'],
  [`${SLASH_COMMAND} export <inventory|evidence-matrix|soa|nist-profile|audit> [format]`, 'governance admins: an auditor export as a file in a DM'],
  [`${SLASH_COMMAND} export dossier <id or name>`, 'governance admins: one system\'s whole record, for an auditor'],
  [`${SLASH_COMMAND} soa approve`, 'governance admins: approve the current Statement of Applicability as the next numbered version'],
  [`${SLASH_COMMAND} help`, 'this list'],
];

export function helpMessage() {
  const lines = COMMANDS.map(([cmd, what]) => `• \`${cmd}\` — ${what}`).join('\n');
  return {
    text: `aigov commands:\n${lines}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: '*aigov* keeps your AI systems governed: ISO/IEC 42001, NIST AI RMF and the EU AI Act.' } },
      { type: 'section', text: { type: 'mrkdwn', text: lines } },
    ],
  };
}
