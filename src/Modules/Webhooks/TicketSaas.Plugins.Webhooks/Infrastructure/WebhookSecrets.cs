using Microsoft.AspNetCore.DataProtection;

namespace TicketSaas.Plugins.Webhooks.Infrastructure;

/// <summary>Endpoint secrets at rest: protected with Data Protection keys kept in this module's database.</summary>
internal sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("TicketSaas.Plugins.Webhooks.EndpointSecret");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
