/**
 * The replica's health endpoint, for the container's HTTP health check (Container Instances: `health_checks` with
 * `health_check_type = "HTTP"`, a port and a path; when the check fails `failure_threshold` times with
 * `failure_action = "KILL"`, the default, "the container will be subject to the container restart policy":
 * https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/container_instances_container_instance,
 * `health_checks`).
 *
 * It answers 200 while the consumer is starting or running (stopping included: a graceful stop must not be cut
 * short by a kill) and 503 once it has failed for good; a process whose event loop is blocked (a handler spinning
 * synchronously) does not answer at all, which the check counts as a failure too. The body is a small JSON status,
 * no configuration and no object names.
 */
import { createServer, Server } from 'node:http';

export type HealthState = 'starting' | 'running' | 'stopping' | 'failed';

export class HealthServer {
  public static async start(port: number, path: string, status: () => { state: HealthState; [key: string]: unknown }): Promise<HealthServer> {
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://health');
      if (request.method !== 'GET' || url.pathname !== path) {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      const body = status();
      response.writeHead(body.state === 'failed' ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // All interfaces: the check comes from outside the container's network namespace.
      server.listen(port, '0.0.0.0', () => resolve());
    });
    server.unref();
    return new HealthServer(server);
  }

  private constructor(private readonly server: Server) {}

  public get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  public close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
