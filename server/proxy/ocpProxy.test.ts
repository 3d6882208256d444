// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { basicAuthHeader, ocpProxyConfig, readOcpTarget } from './ocpProxy';

describe('readOcpTarget', () => {
  it('is null without OCP_URL, so the simulator serves', () => {
    expect(readOcpTarget({})).toBeNull();
    expect(readOcpTarget({ OCP_URL: '  ' })).toBeNull();
  });

  it('reads http and https targets with credentials and the TLS switch', () => {
    expect(readOcpTarget({ OCP_URL: 'https://ocp.example:8080/', OCP_USERNAME: 'admin', OCP_PASSWORD: 'pw', OCP_INSECURE_TLS: '1' })).toEqual({
      url: 'https://ocp.example:8080',
      username: 'admin',
      password: 'pw',
      insecureTls: true,
    });
    expect(readOcpTarget({ OCP_URL: 'http://10.0.0.1:8080' })).toMatchObject({ url: 'http://10.0.0.1:8080', insecureTls: false });
  });

  it.each([
    [{ OCP_URL: 'ocp.example:8080' }, /http:\/\/ or https:\/\//],
    [{ OCP_URL: 'not a url' }, /not a valid URL/],
    [{ OCP_URL: 'https://admin:pw@ocp.example' }, /must not embed credentials/],
    [{ OCP_URL: 'https://ocp.example', OCP_USERNAME: 'admin' }, /both OCP_USERNAME and OCP_PASSWORD/],
  ])('refuses %j with a message saying what to fix', (env, message) => {
    expect(() => readOcpTarget(env)).toThrow(message);
  });
});

describe('ocpProxyConfig', () => {
  it('proxies /api to the target and verifies TLS unless told not to', () => {
    const config = ocpProxyConfig({ url: 'https://ocp.example', username: 'a', password: 'b', insecureTls: false });
    expect(config['/api']).toMatchObject({ target: 'https://ocp.example', changeOrigin: true, secure: true });
    const insecure = ocpProxyConfig({ url: 'https://ocp.example', username: undefined, password: undefined, insecureTls: true });
    expect(insecure['/api']?.secure).toBe(false);
  });

  it('encodes Basic credentials as UTF-8', () => {
    expect(basicAuthHeader('admin', 'pässword')).toBe(`Basic ${Buffer.from('admin:pässword').toString('base64')}`);
  });
});
