import { FunctionCode, FunctionsApplication, OciFunction } from '../../lib';
import { COMPARTMENT, IMAGE, newScope, SUBNET, SUBNET_2, synth, TENANCY } from '../helpers/synth';

const app = (stack: any) => new FunctionsApplication(stack, 'App', { compartmentId: COMPARTMENT, subnetIds: [SUBNET, SUBNET_2] });

describe('FunctionsApplication and OciFunction', () => {
  test('application: subnets, x86 shape, config', () => {
    const out = synth((stack) => new FunctionsApplication(stack, 'App', { compartmentId: COMPARTMENT, subnetIds: [SUBNET], config: { LOG_LEVEL: 'info' } }));
    expect(out.only('oci_functions_application')).toMatchObject({
      compartment_id: COMPARTMENT,
      subnet_ids: [SUBNET],
      shape: 'GENERIC_X86',
      config: { LOG_LEVEL: 'info' },
    });
  });

  test('function: image, defaults 256 MB / 30 s, config added later, a dynamic group matching only this function', () => {
    const out = synth((stack) => {
      const fn = new OciFunction(stack, 'Fn', {
        application: app(stack),
        code: FunctionCode.fromImageUri(IMAGE, 'sha256:' + 'a'.repeat(64)),
        tenancyId: TENANCY,
        config: { A: '1' },
      });
      fn.addConfig('B', '2');
    });
    const fn = out.only('oci_functions_function');
    expect(fn).toMatchObject({
      image: IMAGE,
      image_digest: 'sha256:' + 'a'.repeat(64),
      memory_in_mbs: '256',
      timeout_in_seconds: 30,
      config: { A: '1', B: '2' },
    });
    const fnLogical = Object.keys(out.resources('oci_functions_function'))[0];
    expect(out.only('oci_identity_dynamic_group')).toMatchObject({
      compartment_id: TENANCY,
      matching_rule: `ALL {resource.type = 'fnfunc', resource.id = '\${oci_functions_function.${fnLogical}.id}'}`,
    });
  });

  test('without tenancyId the dynamic group uses the stack variable tenancy_ocid', () => {
    const out = synth((stack) => new OciFunction(stack, 'Fn', { application: app(stack), code: FunctionCode.fromImageUri(IMAGE) }));
    expect(out.json.variable.tenancy_ocid).toMatchObject({ type: 'string' });
    expect(out.only('oci_identity_dynamic_group').compartment_id).toBe('${var.tenancy_ocid}');
    expect(out.only('oci_functions_function').config).toBeUndefined();
  });

  test.each([
    [{ memoryInMbs: 300 }, /memoryInMbs 300: must be one of 128, 256, 512, 1024, 2048, 3072/],
    [{ timeoutInSeconds: 301 }, /timeoutInSeconds 301: must be an integer from 1 to 300/],
    [{ timeoutInSeconds: 0 }, /timeoutInSeconds 0: must be an integer from 1 to 300/],
    [{ config: { '1BAD': 'x' } }, /config: key "1BAD" must be letters, digits and '_' and must not start with a digit/],
    [{ config: { BIG: 'x'.repeat(4094) } }, /config: keys and values total 4097 bytes; the limit is 4096/],
    [{ code: FunctionCode.fromImageUri('not an image') }, /code: imageUri "not an image" must look like <region-key>\.ocir\.io/],
    [{ code: FunctionCode.fromImageUri(IMAGE, 'md5:abc') }, /code: imageDigest "md5:abc" must be sha256:<64 hex digits>/],
  ])('invalid function props %# throw naming the prop', (props, message) => {
    const scope = newScope();
    expect(() => new OciFunction(scope, 'Fn', { application: app(scope), code: FunctionCode.fromImageUri(IMAGE), ...props })).toThrow(message);
  });

  test('addConfig past 4 KB throws and leaves the config unchanged', () => {
    const scope = newScope();
    const fn = new OciFunction(scope, 'Fn', { application: app(scope), code: FunctionCode.fromImageUri(IMAGE), tenancyId: TENANCY });
    expect(() => fn.addConfig('HUGE', 'y'.repeat(5000))).toThrow(/config keys and values total 5004 bytes; the limit is 4096/);
    expect(fn.configuration).toEqual({});
  });

  test.each([
    [{ subnetIds: [] }, /subnetIds \[\]: must list at least one subnet OCID/],
    [{ subnetIds: ['subnet-1'] }, /subnetIds\[0\] "subnet-1": must be an OCID of type subnet/],
    [{ shape: 'GENERIC_MIPS' as any }, /shape "GENERIC_MIPS": must be one of GENERIC_X86, GENERIC_ARM, GENERIC_X86_ARM/],
  ])('invalid application props %# throw naming the prop', (props, message) => {
    expect(() => new FunctionsApplication(newScope(), 'App', { compartmentId: COMPARTMENT, subnetIds: [SUBNET], ...props })).toThrow(message);
  });

  test('an existing application by OCID', () => {
    expect(() => FunctionsApplication.fromApplicationAttributes(newScope(), 'A', { applicationId: 'ocid1.fnfunc.oc1..x', compartmentId: COMPARTMENT })).toThrow(
      /applicationId "ocid1\.fnfunc\.oc1\.\.x": must be an OCID of type fnapp/,
    );
    const imported = FunctionsApplication.fromApplicationAttributes(newScope(), 'A', { applicationId: 'ocid1.fnapp.oc1.iad.aaaa', compartmentId: COMPARTMENT });
    expect(imported.applicationId).toBe('ocid1.fnapp.oc1.iad.aaaa');
  });
});
