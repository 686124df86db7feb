using VapiWebhooks.Models;
using VapiWebhooks.Responses;
using VapiWebhooks.SampleHost.KnowledgeBase;
using VapiWebhooks.Testing;

namespace VapiWebhooks.SampleHost.Tests;

public sealed class KnowledgeBaseTests : IClassFixture<SampleHostFactory>
{
    private readonly SampleHostFactory _factory;

    public KnowledgeBaseTests(SampleHostFactory factory) => _factory = factory;

    [Theory]
    [InlineData("Where can I park my car when I come in?", "location-parking")]
    [InlineData("Is there a bus or BART station nearby?", "location-parking")]
    [InlineData("Do you take Delta Dental PPO insurance?", "insurance")]
    [InlineData("How much does a crown cost without insurance?", "prices")]
    [InlineData("My son knocked out a tooth playing football, what should I do?", "emergencies")]
    [InlineData("What time do you open on Saturday?", "hours")]
    [InlineData("Is there a fee if I cancel my appointment late?", "cancellation-policy")]
    [InlineData("From what age do you see kids? Can I bring my children?", "children")]
    [InlineData("Can I pay with a credit card or in monthly instalments?", "payment")]
    public async Task Ranking_picks_the_right_faq(string question, string expected)
    {
        using var client = _factory.CreateVapiClient();
        using var response = await client.PostVapiMessageAsync(VapiTestMessages.KnowledgeBaseRequest(question));
        var reply = await response.ReadVapiReplyAsync<KnowledgeBaseResponse>();

        var documents = reply.Documents!;
        documents.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(3);
        documents[0].Uuid.Should().Be(expected);
        documents.Should().OnlyContain(d => d.Similarity > 0 && d.Similarity <= 1);
        documents.Select(d => d.Similarity).Should().BeInDescendingOrder();
        documents[0].Content.Should().StartWith("# ");
    }

    [Fact]
    public async Task An_unrelated_question_gets_no_documents_or_low_similarity()
    {
        using var client = _factory.CreateVapiClient();
        using var response = await client.PostVapiMessageAsync(VapiTestMessages.KnowledgeBaseRequest("Who won the football world cup in 1998?"));
        var reply = await response.ReadVapiReplyAsync<KnowledgeBaseResponse>();
        reply.Documents!.Where(d => d.Similarity >= 0.3).Should().BeEmpty();
    }

    [Fact]
    public async Task The_last_user_turns_form_the_query()
    {
        var message = VapiTestMessages.KnowledgeBaseRequest("And is there parking nearby?");
        message.Messages!.Insert(1, new UserConversationMessage { Role = ConversationRole.User, Message = "What is your address?" });
        FaqKnowledgeBaseHandler.LastUserTurns(message, 2).Should().Be("What is your address? And is there parking nearby?");

        using var client = _factory.CreateVapiClient();
        using var response = await client.PostVapiMessageAsync(message);
        (await response.ReadVapiReplyAsync<KnowledgeBaseResponse>()).Documents![0].Uuid.Should().Be("location-parking");
    }

    [Fact]
    public void Bm25_similarity_is_one_only_for_a_perfect_match_and_prefers_rarer_terms()
    {
        var index = new Bm25Index(
        [
            new FaqDocument("a", "Parking", "Parking garage next door. Parking parking parking."),
            new FaqDocument("b", "Hours", "We are open Monday to Friday."),
            new FaqDocument("c", "Prices", "A cleaning costs 150 dollars. Monday prices."),
        ]);

        var parking = index.Search("parking", 3);
        parking.Should().ContainSingle().Which.Document.Id.Should().Be("a");
        parking[0].Similarity.Should().BeInRange(0.5, 1);

        index.Search("monday", 3).Select(m => m.Document.Id).Should().BeEquivalentTo("b", "c");
        index.Search("zebra", 3).Should().BeEmpty();
        Bm25Index.Tokenize("Cancelled cancellations, booking BOOKED!").Should().Equal("cancel", "cancel", "book", "book");
    }
}
