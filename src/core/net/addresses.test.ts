import { describe, expect, it } from 'vitest';
import { classifyAddress, parseIPv4, parseIPv6, refusedHost } from './addresses';

const v4 = (s: string) => parseIPv4(s)?.bytes.join('.') ?? null;

describe('IPv4 in every form the resolver accepts', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'], ['2130706433', '127.0.0.1'], ['017700000001', '127.0.0.1'], ['0x7f000001', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'], ['127.1', '127.0.0.1'], ['0177.0.0.1', '127.0.0.1'], ['0x7F.0.0.0x1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'], ['10.65535', '10.0.255.255'], ['0', '0.0.0.0'], ['0x', '0.0.0.0'], ['4294967295', '255.255.255.255'],
    ['169.254.169.254', '169.254.169.254'], ['2852039166', '169.254.169.254'], ['1.2.3.4.', '1.2.3.4'],
  ])('%s is %s', (text, dotted) => expect(v4(text)).toBe(dotted));

  it.each(['4294967296', '256.1.1.1', '1.2.3.4.5', '08.1.1.1', '1..1', '', 'example.com', '1.2.3.com', '0x1g', '1e3', '-1'])(
    '%s is not an IPv4 address', (text) => expect(v4(text)).toBeNull(),
  );
});

describe('IPv6', () => {
  it('reads compressed, bracketed, zoned and IPv4-tailed forms', () => {
    expect(parseIPv6('::1')?.bytes).toEqual([...Array(15).fill(0), 1]);
    expect(parseIPv6('[::1]')?.bytes).toEqual([...Array(15).fill(0), 1]);
    expect(parseIPv6('fe80::1%eth0')?.bytes.slice(0, 2)).toEqual([0xfe, 0x80]);
    expect(parseIPv6('::ffff:127.0.0.1')?.bytes.slice(10)).toEqual([255, 255, 127, 0, 0, 1]);
    expect(parseIPv6('2001:db8:0:0:0:0:0:1')?.bytes).toEqual(parseIPv6('2001:db8::1')?.bytes);
  });
  it.each(['1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', ':::', 'g::1', '::ffff:1.2.3', '1:2:3:4:5:6:7', '127.0.0.1'])(
    '%s is not an IPv6 address', (text) => expect(parseIPv6(text)).toBeNull(),
  );
});

describe('classification', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['2130706433', 'loopback'], ['0x7f.1', 'loopback'], ['017700000001', 'loopback'], ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'], ['0.1.2.3', 'unspecified'], ['10.0.0.1', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'], ['100.64.0.1', 'shared'], ['100.127.255.255', 'shared'], ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'], ['168.63.129.16', 'metadata'], ['100.100.100.200', 'metadata'], ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'], ['255.255.255.255', 'broadcast'], ['240.0.0.1', 'reserved'], ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'reserved'], ['8.8.8.8', 'public'], ['1.1.1.1', 'public'], ['172.32.0.1', 'public'], ['100.128.0.1', 'public'],
    ['172.15.255.255', 'public'], ['169.253.0.1', 'public'],
    ['::1', 'loopback'], ['[::1]', 'loopback'], ['::', 'unspecified'], ['::ffff:127.0.0.1', 'ipv4-mapped'], ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['::ffff:7f00:1', 'ipv4-mapped'], ['fc00::1', 'unique-local'], ['fd12:3456::1', 'unique-local'], ['fd00:ec2::254', 'metadata'],
    ['fe80::1', 'link-local'], ['febf::1', 'link-local'], ['fec0::1', 'private'], ['ff02::1', 'multicast'], ['2001:db8::1', 'documentation'],
    ['64:ff9b::7f00:1', 'loopback'], ['64:ff9b::808:808', 'public'], ['2002:7f00:1::', 'loopback'], ['2002:808:808::1', 'public'],
    ['::127.0.0.1', 'reserved'], ['100::1', 'reserved'], ['2001::1', 'reserved'], ['4000::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'], ['2a00:1450:4001::200e', 'public'],
  ])('%s is %s', (text, cls) => expect(classifyAddress(text)).toBe(cls));

  it('is null for host names', () => {
    expect(classifyAddress('example.com')).toBeNull();
    expect(classifyAddress('hooks.internal')).toBeNull();
  });
});

describe('refusedHost', () => {
  it('refuses local names and non-public literals, leaves other names to resolution', () => {
    expect(refusedHost('localhost')).toMatch(/this machine/);
    expect(refusedHost('api.LOCALHOST.')).toMatch(/this machine/);
    expect(refusedHost('[::1]')).toMatch(/loopback/);
    expect(refusedHost('10.0.0.1')).toMatch(/private/);
    expect(refusedHost('8.8.8.8')).toBeNull();
    expect(refusedHost('hooks.example.com')).toBeNull();
  });
});
