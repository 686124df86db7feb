using System.Net;
using VapiWebhooks.Security;

namespace VapiWebhooks.Tests.Security;

public class VapiNetworkAllowListTests
{
    [Theory]
    [InlineData("167.150.224.0", true)]
    [InlineData("167.150.224.17", true)]
    [InlineData("167.150.225.255", true)]
    [InlineData("167.150.226.0", false)]
    [InlineData("167.150.223.255", false)]
    [InlineData("::ffff:167.150.225.3", true)]
    [InlineData("::ffff:167.150.226.3", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("127.0.0.1", false)]
    public void Vapi_egress_preset_matches_only_167_150_224_0_slash_23(string address, bool expected)
    {
        VapiNetworkAllowList.VapiEgress.Contains(IPAddress.Parse(address)).Should().Be(expected);
    }

    [Fact]
    public void Parse_accepts_cidr_single_addresses_ipv6_and_the_preset_name()
    {
        var list = VapiNetworkAllowList.Parse(["10.1.0.0/16", "192.0.2.7", "2001:db8::/32", "vapiegress"]);

        list.Contains(IPAddress.Parse("10.1.200.3")).Should().BeTrue();
        list.Contains(IPAddress.Parse("10.2.0.1")).Should().BeFalse();
        list.Contains(IPAddress.Parse("192.0.2.7")).Should().BeTrue();
        list.Contains(IPAddress.Parse("192.0.2.8")).Should().BeFalse();
        list.Contains(IPAddress.Parse("2001:db8:ffff::1")).Should().BeTrue();
        list.Contains(IPAddress.Parse("::ffff:10.1.0.9")).Should().BeTrue();
        list.Contains(IPAddress.Parse("167.150.224.1")).Should().BeTrue();
        list.Networks.Should().HaveCount(4);
    }

    [Fact]
    public void Ipv4_mapped_ipv6_network_matches_both_address_forms()
    {
        var list = VapiNetworkAllowList.Parse(["::ffff:192.0.2.0/120"]);

        list.Contains(IPAddress.Parse("192.0.2.77")).Should().BeTrue();
        list.Contains(IPAddress.Parse("::ffff:192.0.2.77")).Should().BeTrue();
        list.Contains(IPAddress.Parse("192.0.3.1")).Should().BeFalse();
    }

    [Theory]
    [InlineData("10.0.0.1/8")]
    [InlineData("167.150.224.1/23")]
    [InlineData("10.0.0.0/33")]
    [InlineData("not-a-network")]
    [InlineData("")]
    public void Parse_names_the_entry_it_cannot_read(string entry)
    {
        var parse = () => VapiNetworkAllowList.Parse(["10.0.0.0/8", entry]);

        parse.Should().Throw<FormatException>().WithMessage($"'{entry}' is not a network*");
    }

    [Fact]
    public void Empty_list_matches_nothing_and_says_so()
    {
        var list = VapiNetworkAllowList.Parse([]);

        list.IsEmpty.Should().BeTrue();
        list.Contains(IPAddress.Loopback).Should().BeFalse();
    }
}
