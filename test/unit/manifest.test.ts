import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { INVENTORY_COLUMNS, REQUIRED_COLUMNS } from '../../src/domain/inventory-columns.js';
import { FUNCTIONS } from '../../src/slack/ids.js';
import { loadManifest, manifestIds } from '../support/manifest.js';

const schema = JSON.parse(
  readFileSync(new URL('../fixtures/slack-manifest-schema/manifest.schema.1.0.0.json', import.meta.url), 'utf8'),
) as object;

function schemaErrors(manifest: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS; under NodeNext its default import is the whole module, so call its `default`.
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

describe('manifest.yml', () => {
  const manifest = loadManifest();

  it("validates against Slack's published manifest schema", () => {
    expect(schemaErrors(manifest)).toEqual([]);
  });

  it('is caught by the schema check when a required field is missing', () => {
    const broken = { ...manifest, display_information: { description: 'no name' } };

    expect(schemaErrors(broken)).toContain("/display_information must have required property 'name'");
  });

  it('uses a hex background colour, which the schema states with a keyword validators ignore', () => {
    expect(manifest.display_information.background_color).toMatch(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/);
  });

  it('declares the /aigov command with its subcommands in the usage hint', () => {
    const [command, ...others] = manifest.features?.slash_commands ?? [];

    expect(others).toEqual([]);
    expect(command).toMatchObject({ command: '/aigov', should_escape: false, usage_hint: '[new | help | mine | status <id> | export <kind> | soa approve]' });
  });

  it('declares the register and attach-evidence shortcuts', () => {
    const ids = manifestIds(manifest);

    expect(ids.globalShortcutCallbackIds).toEqual(['aigov_register_system']);
    expect(ids.messageShortcutCallbackIds).toEqual(['aigov_attach_evidence']);
  });

  it('subscribes to app_home_opened and enables the Home tab and interactivity', () => {
    expect(manifestIds(manifest).botEvents).toEqual(['app_home_opened']);
    expect(manifest.features?.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });

  it('asks for exactly the bot scopes the app uses', () => {
    expect([...manifestIds(manifest).botScopes].sort()).toEqual(['canvases:read', 'canvases:write', 'chat:write', 'chat:write.public', 'commands', 'files:read', 'files:write', 'im:write', 'users:read']);
  });

  it('is the Socket Mode variant, so it carries no request URLs', () => {
    expect(manifest.settings).toMatchObject({ socket_mode_enabled: true, token_rotation_enabled: false });
    expect(manifest.features?.slash_commands?.[0]?.url).toBeUndefined();
    expect(manifest.settings?.interactivity?.request_url).toBeUndefined();
    expect(manifest.settings?.event_subscriptions?.request_url).toBeUndefined();
  });

  describe('Workflow Builder steps', () => {
    const functions = manifest.functions ?? {};
    const parameterTypes = (schema as { definitions: Record<string, { properties: { type: { enum: string[] } } }> })
      .definitions['slack-functions.parameter']!.properties.type.enum;

    it('are declared for an org-ready app whose functions run on this server, as Slack requires of custom steps', () => {
      expect(manifest.settings).toMatchObject({ org_deploy_enabled: true, function_runtime: 'remote' });
    });

    it('use only parameter types Slack knows', () => {
      const used = Object.values(functions).flatMap((f) => [...Object.values(f.input_parameters), ...Object.values(f.output_parameters)].map((p) => p.type));
      expect(used.filter((t) => !parameterTypes.includes(t))).toEqual([]);
    });

    it('name the registration inputs after the inventory columns, required exactly where the column is', () => {
      const inputs = functions[FUNCTIONS.registerSystem]!.input_parameters;
      expect(Object.keys(inputs)).toEqual([...Object.keys(INVENTORY_COLUMNS), 'requested_by']);
      expect(Object.entries(inputs).filter(([, p]) => p.is_required).map(([name]) => name)).toEqual([...REQUIRED_COLUMNS]);
      expect(inputs.owner!.type).toBe('slack#/types/user_id');
      expect(inputs.requested_by!.type).toBe('slack#/types/user_id');
    });

    it('output the system id, tier, primary source and a link from registration', () => {
      expect(Object.keys(functions[FUNCTIONS.registerSystem]!.output_parameters)).toEqual(['system_id', 'tier', 'primary_source', 'link']);
    });

    it('ask evidence of a system, a requirement, an owner and a due date', () => {
      const inputs = functions[FUNCTIONS.requestEvidence]!.input_parameters;
      expect(Object.entries(inputs).map(([name, p]) => [name, p.type, p.is_required ?? false])).toEqual([
        ['system', 'string', true], ['requirement', 'string', true], ['owner', 'slack#/types/user_id', true],
        ['due_date', 'slack#/types/date', true], ['requested_by', 'slack#/types/user_id', false],
      ]);
    });

    it('are caught by the schema check when a step lacks its outputs', () => {
      const { output_parameters: _dropped, ...withoutOutputs } = functions[FUNCTIONS.requestEvidence]!;
      const broken = { ...manifest, functions: { ...functions, [FUNCTIONS.requestEvidence]: withoutOutputs } };

      expect(schemaErrors(broken)).toContain(`/functions/${FUNCTIONS.requestEvidence} must have required property 'output_parameters'`);
    });
  });
});
