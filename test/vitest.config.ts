import { projectConfig } from "../vitest.shared.js";

const config = projectConfig("e2e", { include: ["**/*.test.ts"], testTimeout: 120_000 });
// Real services start here (moto, dockerd, a registry on 127.0.0.1:443 under the ECR host name):
// one file at a time, since only one registry can hold port 443.
export default { ...config, test: { ...config.test, fileParallelism: false, hookTimeout: 120_000 } };
