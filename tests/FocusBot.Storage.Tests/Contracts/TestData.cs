using FocusBot.Domain.Answers;
using FocusBot.Domain.Conversations;
using FocusBot.Domain.Deliveries;
using FocusBot.Domain.Insights;
using FocusBot.Domain.Pulses;
using FocusBot.Domain.Questions;
using FocusBot.Domain.Recognitions;

namespace FocusBot.Storage.Tests.Contracts;

/// <summary>Realistic records (Teams-shaped ids) for the contract tests.</summary>
internal static class TestData
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string OtherTenant = "0d1c2b3a-0000-4000-8000-123456789abc";

    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // Characters Azure Tables forbids in keys, a quote for the filter literals, and non-ASCII text.
    public const string AwkwardId = "a/b\\c#d?e'f|g%h!i ünï 日本 😀";

    public static ConversationRecord Personal(string userId, string conversationId, string tenantId = Tenant) => new()
    {
        TenantId = tenantId,
        ConversationId = conversationId,
        Kind = ConversationKind.Personal,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        BotId = "28:bot-app-id",
        BotName = "FocusBot",
        UserId = userId,
        UserAadObjectId = "aad-" + userId,
        UserName = "Ann Example",
        TimeZone = "Europe/Berlin",
        Locale = "de-DE",
        InstalledAt = Monday,
        UpdatedAt = Monday.AddMinutes(5),
    };

    public static ConversationRecord Channel(string teamId, string conversationId, string tenantId = Tenant) => new()
    {
        TenantId = tenantId,
        ConversationId = conversationId,
        Kind = ConversationKind.Channel,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        BotId = "28:bot-app-id",
        TeamId = teamId,
        TeamName = "Customer Care",
        ChannelName = "General",
        InstalledAt = Monday,
        UpdatedAt = Monday,
    };

    public static Question Question(string id, bool active = true) => new()
    {
        Id = id,
        Text = "Who is accountable for customer focus under ISO 9001 5.1.2?",
        Dimension = QuestionDimension.Knowledge,
        Level = 1,
        Kind = QuestionKind.Quiz,
        Options = ["Top management", "The quality department", "Sales"],
        CorrectOption = 0,
        Explanation = "Top management must show leadership and commitment with respect to customer focus.",
        Tags = ["iso9001", "leadership"],
        Active = active,
        CreatedAt = Monday,
    };

    public static Pulse Pulse(string id, DateTimeOffset opensAt, PulseStatus status = PulseStatus.Scheduled) => new()
    {
        Id = id,
        TenantId = Tenant,
        QuestionIds = ["k1", "b2", "a3"],
        OpensAt = opensAt,
        ClosesAt = opensAt.AddDays(5),
        Status = status,
    };

    public static Delivery Delivery(string pulseId, string userId, string tenantId = Tenant) => new()
    {
        LedgerId = pulseId,
        RecipientKey = RecipientKeys.For(tenantId, userId),
        TenantId = tenantId,
        UserId = userId,
        ConversationId = "a:conv-" + userId,
        Status = DeliveryStatus.Pending,
        SendAfter = Monday.AddHours(8),
        UpdatedAt = Monday,
        RemindLaterAt = Monday.AddHours(11),
    };

    public static Answer Answer(string pulseId, string questionId, string respondent, string value) => new()
    {
        PulseId = pulseId,
        QuestionId = questionId,
        RespondentPseudonym = respondent,
        TenantId = Tenant,
        Value = value,
        TeamIds = ["team-a", "team-b"],
        AnsweredAt = Monday.Date, // stores keep the UTC day only
    };

    public static Insight Insight(string id, DateTimeOffset createdAt, string tenantId = Tenant) => new()
    {
        Id = id,
        TenantId = tenantId,
        Title = "Few unhappy customers ever complain",
        Body = "For every complaint we receive, many more customers leave quietly.",
        Source = "Q3 complaints review",
        KpiName = "Complaints",
        KpiValue = "42",
        KpiTrend = "down",
        Link = "https://contoso.example/insights/1",
        AuthorAadObjectId = "aad-exec",
        AuthorName = "Eva Executive",
        ChannelIds = ["19:customer-wins@thread.tacv2", "19:leadership@thread.tacv2"],
        TeamIds = ["19:team-sales@thread.tacv2"],
        AllStaff = true,
        CreatedAt = createdAt,
        SendAt = createdAt,
    };

    public static Recognition Recognition(string id, DateTimeOffset createdAt, string tenantId = Tenant) => new()
    {
        Id = id,
        TenantId = tenantId,
        RecipientUserId = "29:recipient",
        RecipientAadObjectId = "aad-recipient",
        RecipientName = "Ravi Recipient",
        AuthorAadObjectId = "aad-exec",
        AuthorName = "Eva Executive",
        Behaviour = "Followed up until the issue was resolved",
        Story = "Ravi called the customer back three times until the delivery arrived.",
        TeamId = "19:team@thread.tacv2",
        ChannelId = "19:general@thread.tacv2",
        CreatedAt = createdAt,
    };

    /// <summary>A colleague's recognition: Pat (by Entra object id) recognises the same recipient.</summary>
    public static Recognition PeerRecognition(string id, DateTimeOffset createdAt, string author = "aad-pat") => Recognition(id, createdAt) with
    {
        Kind = RecognitionKind.Peer,
        AuthorAadObjectId = author,
        AuthorName = "Pat Peer",
    };
}
