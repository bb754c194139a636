// The Azure credential for the real run. DefaultAzureCredential tries environment variables, workload
// and managed identity (an Azure lab VM), then the Azure CLI login the lab already requires.
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';

export function defaultCredential(): TokenCredential {
  return new DefaultAzureCredential();
}
