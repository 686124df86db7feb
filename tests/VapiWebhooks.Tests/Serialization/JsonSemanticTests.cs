namespace VapiWebhooks.Tests.Serialization;

/// <summary>The comparer used by the round-trip tests must itself tell equal from different.</summary>
public class JsonSemanticTests
{
    [Theory]
    [InlineData("""{"a":1,"b":"x"}""", """{"b":"x","a":1}""")]
    [InlineData("""{"a":1,"b":null}""", """{"a":1}""")]
    [InlineData("""{"a":1}""", """{"a":1,"b":null}""")]
    [InlineData("""{"a":1.0}""", """{"a":1}""")]
    [InlineData("""{"a":1e3}""", """{"a":1000}""")]
    [InlineData("""{"a":"\u00e9"}""", """{"a":"é"}""")]
    [InlineData("""[1,{"x":[true,false]}]""", """[1,{"x":[true,false]}]""")]
    public void Equal_documents_have_no_differences(string expected, string actual)
        => JsonSemantic.Differences(expected, actual).Should().BeEmpty();

    [Theory]
    [InlineData("""{"a":{"b":1}}""", """{"a":{"b":2}}""", "$.a.b")]
    [InlineData("""{"a":[1,2]}""", """{"a":[1,3]}""", "$.a[1]")]
    [InlineData("""{"a":[1,2]}""", """{"a":[1]}""", "$.a")]
    [InlineData("""{"a":"x"}""", """{"a":"X"}""", "$.a")]
    [InlineData("""{"a":"1"}""", """{"a":1}""", "$.a")]
    [InlineData("""{"a":1}""", """{}""", "$.a")]
    [InlineData("""{}""", """{"extra":0}""", "$.extra")]
    [InlineData("""{"a":true}""", """{"a":false}""", "$.a")]
    [InlineData("""{"a":0.1}""", """{"a":0.10000000000000001}""", "$.a")]
    [InlineData("""{"a":{}}""", """{"a":null}""", "$.a")]
    public void Different_documents_name_the_differing_path(string expected, string actual, string path)
        => JsonSemantic.Differences(expected, actual).Should().ContainSingle().Which.Should().StartWith(path + ":");

    [Fact]
    public void Arrays_are_compared_in_order()
        => JsonSemantic.Differences("""{"a":[1,2]}""", """{"a":[2,1]}""").Should().Equal("$.a[0]: expected 1, found 2", "$.a[1]: expected 2, found 1");
}
