using System.Net;
using System.Net.Sockets;

namespace MigrantAid.Web.Security;

/// <summary>The partition of a client address for throttling (after the forwarded headers, when enabled).</summary>
public static class ClientAddress
{
    /// <summary>Requests without an address (in-process test hosts, some proxies) share one partition.</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// IPv4 addresses stand for themselves. An IPv6 client usually holds a whole /64 and can change
    /// address within it at will, so the /64 prefix is the partition.
    /// </summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
