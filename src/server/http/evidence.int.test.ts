import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, call, createTestApp, jsonApi, type TestApp, type TestWorkspace } from '../../../test/support/app';
import { DIALECTS } from '../../../test/support/databases';

describe.each(DIALECTS)('customer evidence $name', ({ dialect }) => {
  let t: TestApp;
  let ws: TestWorkspace;
  let pm: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.runtime);
    pm = ws.byRole.product_manager.token;
  });
  afterAll(() => t.close());

  const { api, ok } = jsonApi(() => ({ app: t.app, token: pm }));
  const unique = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;
  const feature = (title = unique('Feature')) => ok('POST', `/products/${ws.product.id}/items`, { type: 'feature', title });
  const segment = (name = unique('Segment')) => ok('POST', `/workspaces/${ws.workspace.id}/segments`, { name });
  const customer = (name: string, segmentId: string | null, annualRevenue: number | null) =>
    ok('POST', `/workspaces/${ws.workspace.id}/customers`, { name, segmentId, annualRevenue, plan: 'Business' });
  const insight = (text: string, customerId: string | null, token = pm) =>
    ok('POST', `/products/${ws.product.id}/insights`, { text, source: 'interview', observedOn: '2026-11-20', customerId }, token);
  const upload = (csv: string, token = pm) =>
    call(t.app, 'POST', `/api/v1/products/${ws.product.id}/insights/import`, { token, headers: { 'content-type': 'text/csv' }, payload: csv });

  it('rolls a feature’s evidence up by segment, counting each customer and their revenue once, and suggests the RICE reach', async () => {
    const [enterprise, smb] = [await segment(), await segment()];
    const acme = await customer(unique('Acme'), enterprise.id, 120_000);
    const bolt = await customer(unique('Bolt'), smb.id, 9_000);
    const sso = await feature('Single sign-on');

    // A contributor and a stakeholder add evidence; the PM links it, highlighting the words that ask for it.
    const first = await insight('We lose a day each quarter re-inviting people. SSO with Okta would fix it.', acme.id, ws.byRole.contributor.token);
    const second = await insight('Our IT team will not approve a tool without single sign-on.', bolt.id, ws.byRole.stakeholder.token);
    const third = await insight('SSO, please. Also the export is slow.', acme.id);
    const linked = await ok('PUT', `/insights/${first.id}/links/${sso.key}`, { passage: 'SSO with Okta would fix it.', importance: 'critical' });
    expect(linked.links).toEqual([expect.objectContaining({ item: expect.objectContaining({ key: sso.key }), passage: 'SSO with Okta would fix it.', passageStart: first.text.indexOf('SSO'), importance: 'critical' })]);
    await ok('PUT', `/insights/${second.id}/links/${sso.id}`, { passage: 'without single sign-on', importance: 'important' });
    await ok('PUT', `/insights/${third.id}/links/${sso.key}`, {});

    const evidence = await ok('GET', `/items/${sso.key}/evidence`, undefined, ws.byRole.viewer.token);
    expect(evidence).toMatchObject({ insights: 3, customers: 2, revenue: 129_000, suggestedReach: 2, byImportance: { nice: 0, important: 2, critical: 1 }, riceReach: null });
    expect(evidence.bySegment).toEqual([
      { segment: { id: enterprise.id, name: enterprise.name }, insights: 2, customers: 1, revenue: 120_000 },
      { segment: { id: smb.id, name: smb.name }, insights: 1, customers: 1, revenue: 9_000 },
    ]);

    // Accepting the suggestion is scoring RICE with it as the reach.
    await ok('POST', `/items/${sso.id}/scores`, { framework: 'rice', inputs: { reach: evidence.suggestedReach, impact: 2, confidence: 0.8, effort: 3 } });
    expect((await ok('GET', `/items/${sso.id}/evidence`)).riceReach).toBe(2);

    // The product's view ranks items by demand.
    const { items } = await ok('GET', `/products/${ws.product.id}/evidence`);
    expect(items.find((entry: { item: { key: string } }) => entry.item.key === sso.key)).toMatchObject({ insights: 3, customers: 2, revenue: 129_000, suggestedReach: 2 });

    // Taking a link off, and deleting an insight, take their evidence away.
    await ok('DELETE', `/insights/${third.id}/links/${sso.key}`);
    await ok('DELETE', `/insights/${second.id}`);
    expect(await ok('GET', `/items/${sso.key}/evidence`)).toMatchObject({ insights: 1, customers: 1, revenue: 120_000, suggestedReach: 1 });
    expect((await api('DELETE', `/insights/${third.id}/links/${sso.key}`)).status).toBe(404);
  });

  it('refuses a passage that is not the insight’s own words, and items outside the product or in the trash', async () => {
    const target = await feature();
    const note = await insight('Exports time out for large workspaces.', null);
    const wrongPassage = await api('PUT', `/insights/${note.id}/links/${target.id}`, { passage: 'exports TIME out' });
    expect(wrongPassage.status).toBe(400);
    expect(wrongPassage.json.errors).toEqual([{ field: 'body.passage', message: expect.stringContaining('not part of') }]);

    const other = await buildWorkspace(t.runtime);
    const foreign = (await call(t.app, 'POST', `/api/v1/products/${other.product.id}/items`, { token: other.byRole.product_manager.token, body: { type: 'feature', title: 'Theirs' } })).json();
    expect((await api('PUT', `/insights/${note.id}/links/${foreign.id}`, {})).status).toBe(400);
    const trashed = await feature();
    await ok('DELETE', `/items/${trashed.id}`);
    expect((await api('PUT', `/insights/${note.id}/links/${trashed.id}`, {})).json).toMatchObject({ status: 400, detail: expect.stringContaining('trash') });

    // Another workspace sees none of it.
    const theirs = other.byRole.product_manager.token;
    expect((await api('GET', `/insights/${note.id}`, undefined, theirs)).status).toBe(404);
    expect((await api('GET', `/items/${target.id}/evidence`, undefined, theirs)).status).toBe(404);
    expect((await api('GET', `/workspaces/${ws.workspace.id}/customers`, undefined, theirs)).status).toBe(404);
    expect((await api('POST', `/products/${other.product.id}/insights`, { text: 'x', customerId: (await customer(unique('Ours'), null, null)).id }, theirs)).json).toMatchObject({
      status: 400,
      errors: [{ field: 'body.customerId', message: expect.stringContaining('no such customer') }],
    });
  });

  it('imports a CSV file whole, matching customers by name and creating the new ones', async () => {
    const known = await customer(unique('Known Corp'), null, 50_000);
    const newcomer = unique('Newcomer Ltd');
    const csv = [
      'Text,source,date,customer,url,kind',
      `"Bulk edit, please:\nwe retag 200 items a week",support,2026-11-02,${known.name.toUpperCase()},https://help.example/t/1,`,
      `Dashboards load slowly,survey,,${newcomer},,note`,
      '',
      `"He said ""fast"" twice",sales,2026-10-30,${newcomer.toLowerCase()},,`,
    ].join('\n');
    const response = await upload(csv, ws.byRole.product_owner.token);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ created: 3, customersCreated: [newcomer] });

    const { items } = await ok('GET', `/products/${ws.product.id}/insights?q=${encodeURIComponent('retag 200')}`);
    expect(items).toEqual([
      expect.objectContaining({ text: 'Bulk edit, please:\nwe retag 200 items a week', source: 'support', observedOn: '2026-11-02', kind: 'quote', url: 'https://help.example/t/1', customer: expect.objectContaining({ id: known.id }) }),
    ]);
    const quoted = (await ok('GET', `/products/${ws.product.id}/insights?q=${encodeURIComponent('"fast"')}`)).items[0];
    expect(quoted).toMatchObject({ text: 'He said "fast" twice', customer: { name: newcomer } });
    expect((await ok('GET', `/customers/${known.id}`)).insights).toBe(1);
  });

  it('refuses a CSV file with any bad row, naming each problem by line, and imports nothing', async () => {
    const before = (await ok('GET', `/products/${ws.product.id}/insights?limit=200`)).items.length;
    const response = await upload(['text,source,date', 'Fine row,interview,2026-11-01', ',sales,2026-11-01', '"Multi\nline",tweet,2026-13-01'].join('\n'));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      detail: expect.stringContaining('Nothing was imported: 3 problems'),
      errors: [
        { field: 'line 3: text', message: 'is empty' },
        { field: 'line 4: source', message: expect.stringContaining('“tweet”') },
        { field: 'line 4: date', message: expect.stringContaining('YYYY-MM-DD') },
      ],
    });
    expect((await upload('quote,source\nx,sales')).json()).toMatchObject({ status: 400, errors: expect.arrayContaining([{ field: 'line 1: quote', message: expect.stringContaining('use text') }]) });
    expect((await upload('text\n"never closed')).json()).toMatchObject({ status: 400, detail: expect.stringContaining('not valid CSV') });
    expect((await upload('')).json()).toMatchObject({ status: 400, detail: expect.stringContaining('empty') });
    expect((await ok('GET', `/products/${ws.product.id}/insights?limit=200`)).items.length).toBe(before);
    // A viewer may not add evidence at all.
    expect((await upload('text\nfrom a viewer', ws.byRole.viewer.token)).statusCode).toBe(403);
  });

  it('keeps the inbox of insights not yet linked, newest first and paged', async () => {
    const target = await feature();
    const marker = unique('inbox');
    const made = [];
    for (const n of [1, 2, 3]) made.push(await insight(`${marker} number ${n}`, null));
    await ok('PUT', `/insights/${made[1].id}/links/${target.id}`, {});
    const firstPage = await ok('GET', `/products/${ws.product.id}/insights?linked=false&limit=1&q=${encodeURIComponent(marker)}`);
    expect(firstPage.items.map((entry: { id: string }) => entry.id)).toEqual([made[2].id]);
    const secondPage = await ok('GET', `/products/${ws.product.id}/insights?linked=false&limit=1&q=${encodeURIComponent(marker)}&cursor=${firstPage.nextCursor}`);
    expect(secondPage).toMatchObject({ items: [{ id: made[0].id }], nextCursor: null });
    expect((await ok('GET', `/products/${ws.product.id}/insights?item=${target.key}`)).items.map((entry: { id: string }) => entry.id)).toEqual([made[1].id]);
    expect((await api('GET', `/products/${ws.product.id}/insights?cursor=bogus`)).status).toBe(400);
  });

  it('keeps customer and segment names unique ignoring case, and keeps insights when their customer goes', async () => {
    const name = unique('Umbrella');
    const seg = await segment();
    const umbrella = await customer(name, seg.id, 10);
    expect((await api('POST', `/workspaces/${ws.workspace.id}/customers`, { name: name.toUpperCase() })).json).toMatchObject({ status: 409, code: 'conflict' });
    expect((await api('POST', `/workspaces/${ws.workspace.id}/segments`, { name: seg.name.toLowerCase() })).status).toBe(409);
    expect((await api('POST', `/workspaces/${ws.workspace.id}/customers`, { name: unique('Neg'), annualRevenue: -5 })).status).toBe(400);

    await ok('DELETE', `/segments/${seg.id}`);
    expect((await ok('GET', `/customers/${umbrella.id}`)).segmentId).toBeNull();
    const said = await insight('Umbrella wants audit logs.', umbrella.id);
    const renamed = await ok('PATCH', `/customers/${umbrella.id}`, { name: `${name} Inc.` });
    expect(renamed).toMatchObject({ name: `${name} Inc.`, insights: 1, version: 2 });
    await ok('DELETE', `/customers/${umbrella.id}`);
    expect((await ok('GET', `/insights/${said.id}`)).customer).toBeNull();
  });

  it('describes personas with the items that serve them', async () => {
    const [story, theirs] = [await ok('POST', `/products/${ws.product.id}/items`, { type: 'story', title: 'Invite by link' }), await feature()];
    const persona = await ok('POST', `/products/${ws.product.id}/personas`, { name: unique('Ops lead'), goals: '- onboard a team in a day', pains: '- manual invites', itemIds: [story.key] });
    expect(persona.items).toEqual([expect.objectContaining({ key: story.key, type: 'story' })]);
    const updated = await ok('PUT', `/personas/${persona.id}/items`, { itemIds: [theirs.id, story.id, story.key] });
    expect(updated.items.map((item: { key: string }) => item.key).sort()).toEqual([story.key, theirs.key].sort());
    expect((await api('PUT', `/personas/${persona.id}/items`, { itemIds: ['ZZZ-1'] })).json).toMatchObject({ status: 400, errors: [{ field: 'body.itemIds.0' }] });
    expect((await ok('GET', `/products/${ws.product.id}/personas`, undefined, ws.byRole.viewer.token)).items.map((entry: { id: string }) => entry.id)).toContain(persona.id);
    expect((await api('PATCH', `/personas/${persona.id}`, { name: 'Mine now' }, ws.byRole.product_owner.token)).status).toBe(403);
  });
});
