/**
 * Escape hatches: the parts a pipeline created, typed (`createdBucket`, `createdStreamPool`, `createdStream`,
 * `createdApplication`), and the OCIR repository and docker build/push of every built image (`image.build`, on the
 * publisher, a fleet and a serverless consumer; `build` on the code objects), each reachable without a cast and
 * changed with `addOverride` as a CDK user would.
 */
import { join } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import {
  Bucket,
  BundledFunctionCode,
  ClaimCheckConsumerFleet,
  ClaimCheckPipeline,
  ClaimCheckServerlessConsumer,
  FunctionCode,
  FunctionsApplication,
  ImageBuildResources,
  OciFunction,
  Stream,
  StreamPool,
} from '../../lib';
import { ArtifactsContainerRepository } from '../../lib/generated/providers/oci/artifacts-container-repository';
import { ObjectstorageBucket } from '../../lib/generated/providers/oci/objectstorage-bucket';
import { validateTerraformJson } from '../../lib/testing';
import { COMPARTMENT, IMAGE, SUBNET, synth, synthesizeStack, TENANCY } from '../helpers/synth';

const HANDLER = join(__dirname, '..', '..', 'examples', 'handlers', 'record-size-and-sha256.ts');
const BASE = { compartmentId: COMPARTMENT, subnetIds: [SUBNET], tenancyId: TENANCY, region: 'us-ashburn-1' };

const onlyWithPrefix = (resources: Record<string, any>, prefix: string): [string, any] => {
  const found = Object.entries(resources).filter(([id]) => id.startsWith(prefix));
  expect(found.map(([id]) => id)).toHaveLength(1);
  return found[0];
};

describe('what the pipeline created, typed', () => {
  test('createdBucket, createdStreamPool, createdStream, createdApplication: their L1s without a cast', () => {
    const out = synth((stack) => {
      const files = new ClaimCheckPipeline(stack, 'Files', { ...BASE, functionProps: { code: FunctionCode.fromImageUri(IMAGE) } });
      const bucket: ObjectstorageBucket = files.createdBucket!.resource;
      bucket.addOverride('auto_tiering', 'InfrequentAccess');
      files.createdStreamPool!.resource.addOverride('name', 'renamed-pool');
      files.createdStream!.resource.addOverride('retention_in_hours', 48);
      files.createdApplication!.resource.addOverride('display_name', 'renamed-app');
      expect(files.createdBucket).toBe(files.bucket);
      expect(files.createdStream).toBe(files.stream);
      expect(files.createdStreamPool).toBe(files.streamPool);
      expect(files.createdApplication).toBe(files.application);
    });

    expect(onlyWithPrefix(out.resources('oci_objectstorage_bucket'), 'Files_Bucket_')[1].auto_tiering).toBe('InfrequentAccess');
    expect(out.only('oci_streaming_stream_pool').name).toBe('renamed-pool');
    expect(out.only('oci_streaming_stream').retention_in_hours).toBe(48);
    expect(out.only('oci_functions_application').display_name).toBe('renamed-app');
  });

  test('undefined for what was given instead (existingBucket, existingStream, existingApplication)', () => {
    let files!: ClaimCheckPipeline;
    synth((stack) => {
      const pool = new StreamPool(stack, 'Pool', { compartmentId: COMPARTMENT });
      files = new ClaimCheckPipeline(stack, 'Files', {
        ...BASE,
        existingBucket: Bucket.fromBucketAttributes(stack, 'Landing', { bucketName: 'landing', namespace: 'ns', compartmentId: COMPARTMENT }),
        existingStream: new Stream(stack, 'Stream', { streamPool: pool }),
        existingApplication: new FunctionsApplication(stack, 'App', { compartmentId: COMPARTMENT, subnetIds: [SUBNET] }),
        functionProps: { code: FunctionCode.fromImageUri(IMAGE) },
      });
    });

    expect([files.createdBucket, files.createdStreamPool, files.createdStream, files.createdApplication]).toEqual([undefined, undefined, undefined, undefined]);
    expect(files.consumerStateBucket).toBeInstanceOf(Bucket);
  });
});

describe('the OCIR repository and the docker build and push of each built image', () => {
  /** The build resources point at the synthesized resources of that logical id prefix. */
  function expectBuildUnder(out: any, build: ImageBuildResources, prefix: string): void {
    const id = (construct: { friendlyUniqueId: string }) => construct.friendlyUniqueId;
    expect(id(build.repository)).toBe(onlyWithPrefix(out.resource.oci_artifacts_container_repository, prefix)[0]);
    expect(id(build.image)).toBe(onlyWithPrefix(out.resource.docker_image, prefix)[0]);
    expect(id(build.registryImage)).toBe(onlyWithPrefix(out.resource.docker_registry_image, prefix)[0]);
    expect(build.dockerProvider.alias).toMatch(/^ocir_/);
    expect(build.buildContext.path).toMatch(/^assets\//);
  }

  test('the publisher’s (publisher.image.build), the fleet’s (fleet.image.build), the serverless consumer’s (function.image.build)', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const files = new ClaimCheckPipeline(stack, 'Files', BASE);
    const fleet = new ClaimCheckConsumerFleet(stack, 'Fleet', { pipeline: files, consumerGroup: 'records', handlerEntry: HANDLER, subnetId: SUBNET });
    const serverless = new ClaimCheckServerlessConsumer(stack, 'Serverless', { pipeline: files, consumerName: 'recorder', handlerEntry: HANDLER });
    const repository: ArtifactsContainerRepository = files.publisher.image.build!.repository;
    repository.addOverride('is_immutable', true);
    fleet.image.build!.registryImage.addOverride('keep_remotely', false);
    serverless.function.image.build!.image.addOverride('force_remove', true);

    const out = synthesizeStack(stack).json;

    expectBuildUnder(out, files.publisher.image.build!, 'Files_Publisher_');
    expectBuildUnder(out, fleet.image.build!, 'Fleet_Image_');
    expectBuildUnder(out, serverless.function.image.build!, 'Serverless_Function_');
    expect(onlyWithPrefix(out.resource.oci_artifacts_container_repository, 'Files_Publisher_')[1].is_immutable).toBe(true);
    expect(onlyWithPrefix(out.resource.docker_registry_image, 'Fleet_Image_')[1].keep_remotely).toBe(false);
    expect(onlyWithPrefix(out.resource.docker_image, 'Serverless_Function_')[1].force_remove).toBe(true);
  });

  test('on the code object once bound (BundledFunctionCode.build); none for an image that exists already', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const files = new ClaimCheckPipeline(stack, 'Files', { ...BASE, functionProps: { code: FunctionCode.fromImageUri(IMAGE) } });
    const code = new BundledFunctionCode({ entry: HANDLER, compartmentId: COMPARTMENT, region: 'us-ashburn-1' });
    expect(code.build).toBeUndefined();

    const fn = new OciFunction(stack, 'Extra', { application: files.application, code, tenancyId: TENANCY });

    expect(code.build).toBe(fn.image.build);
    expect(code.build!.repository.node.path).toBe('test/Extra/Repository');
    expect(files.publisher.image).toEqual({ imageUri: IMAGE, imageDigest: undefined });
  });

  test('a misspelt docker attribute added through the escape hatch is reported by the schema validator', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const files = new ClaimCheckPipeline(stack, 'Files', BASE);
    files.publisher.image.build!.image.addOverride('keep_localy', true);
    const json = JSON.parse(Testing.synth(stack));
    const [imageId] = onlyWithPrefix(json.resource.docker_image, 'Files_Publisher_');

    expect(validateTerraformJson(json)).toEqual([
      {
        path: `resource.docker_image.${imageId}.keep_localy`,
        message: 'Unsupported argument or block "keep_localy": resource type "docker_image" has no attribute or block of that name. Did you mean "keep_locally"?',
      },
    ]);
  });
});
