using System.Net;
using System.Net.Sockets;

namespace Engage.Host.Security;

/// <summary>
/// The address failed authentications are counted against: the connection's remote address (forwarding headers
/// such as <c>X-Forwarded-For</c> are not trusted), an IPv6 address grouped by its /64 prefix (one host usually
/// holds a whole /64), an IPv4-mapped IPv6 address as IPv4.
/// </summary>
internal static class ClientAddress
{
    /// <summary>The text key of <paramref name="address"/>: <c>192.0.2.7</c>, <c>2001:db8:1:2::/64</c>, or <c>unknown</c>.</summary>
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
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
