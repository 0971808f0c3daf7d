using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace TicketSaas.Plugins.Webhooks.Infrastructure;

/// <summary>
/// Keeps webhooks off the platform's own network: no loopback, private, link-local, unique-local or unspecified
/// addresses unless <c>Webhooks:AllowPrivateTargets</c> is on. Checked when an endpoint is created and again on every
/// connection, so a host name that later resolves inwards is refused too.
/// </summary>
internal sealed class TargetAddressPolicy(IOptions<WebhookOptions> options)
{
    public bool Allows(IPAddress address) => options.Value.AllowPrivateTargets || IsPublic(address);

    /// <returns>Why the URL is refused, or null when it may be used.</returns>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"{url.Host} cannot be resolved.";
        }

        var refused = addresses.FirstOrDefault(address => !Allows(address));
        return refused is null
            ? null
            : $"{url.Host} is {refused}, a loopback, private or link-local address; webhooks may only target public addresses.";
    }

    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = addresses.Where(Allows).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"{host} resolves only to loopback, private or link-local addresses.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal);
        }

        var bytes = address.GetAddressBytes();
        return bytes switch
        {
            [10, ..] => false,
            [172, >= 16 and <= 31, ..] => false,
            [192, 168, ..] => false,
            [169, 254, ..] => false,
            [100, >= 64 and <= 127, ..] => false,
            [0, ..] => false,
            _ => true,
        };
    }
}
