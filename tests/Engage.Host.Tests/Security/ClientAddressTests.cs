using System.Net;
using Engage.Host.Security;

namespace Engage.Host.Tests.Security;

/// <summary>The address failures are counted against.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::/64")]
    public void Key_Address_GroupsIPv6By64AndUnmapsIPv4(string address, string expected) =>
        ClientAddress.Key(IPAddress.Parse(address)).Should().Be(expected);

    [Fact]
    public void Key_NoAddress_IsOneSharedKey() => ClientAddress.Key(null).Should().Be("unknown");
}
