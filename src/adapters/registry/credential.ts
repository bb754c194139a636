// The Azure credential for the real run. DefaultAzureCredential tries environment variables, workload
// and managed identity (an Azure lab VM), then the Azure CLI login the lab already requires.
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';

export function defaultCredential(): TokenCredential {
  // Tokens are requested for the registry subscription's tenant (AcrRegistry passes `tenantId`), which
  // may differ from the login's home tenant; identity refuses other tenants unless they are allowed.
  return new DefaultAzureCredential({ additionallyAllowedTenants: ['*'] });
}
