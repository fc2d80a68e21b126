using FocusBot.Domain.Questions;

namespace FocusBot.Development;

/// <summary>
/// The made-up questions, teams and comments of the demo data. The questions are stored inactive, so a real pulse
/// never draws them; reports still find their texts.
/// </summary>
internal static class DemoBank
{
    public static readonly (string Id, string Name, double Participation, double Drift)[] Teams =
    [
        ("19:demo-support@thread.tacv2", "Customer Support", 0.86, 0.012),
        ("19:demo-sales@thread.tacv2", "Sales", 0.80, 0.008),
        ("19:demo-product@thread.tacv2", "Product", 0.78, 0.015),
        ("19:demo-operations@thread.tacv2", "Operations", 0.74, 0.004),
        ("19:demo-finance@thread.tacv2", "Finance", 0.70, -0.012),
    ];

    public static IReadOnlyList<Question> Questions(DateTimeOffset createdAt) =>
    [
        Quiz("demo-k1", 1, ["complaints"], "Few unhappy customers complain. What does a quiet complaints inbox tell us?",
            ["Customers are satisfied", "Not much on its own: most unhappy customers leave without a word", "Our product has no defects"], 1, createdAt),
        Quiz("demo-k2", 1, ["who-is-a-customer"], "Who counts as our customer?",
            ["Only people who pay us", "People who pay us, people who use our work, and colleagues who rely on it", "Only the account owner"], 1, createdAt),
        Quiz("demo-k3", 2, ["iso-9001"], "Under ISO 9001, who is accountable for customer focus?",
            ["The quality team", "Top management", "Each customer-facing team"], 1, createdAt),
        Quiz("demo-k4", 2, ["requirements"], "Customer requirements can be...",
            ["Only what is written in the contract", "Stated, implied, or set by law and regulation", "Whatever sales promised"], 1, createdAt),
        Quiz("demo-k5", 3, ["risk"], "What must we do about risks to customer satisfaction?",
            ["Wait until a customer complains", "Find them and act on them before they hurt customers", "Leave them to the account manager"], 1, createdAt),
        Quiz("demo-k6", 1, ["csat"], "Where do we publish the latest customer satisfaction score?",
            ["Nowhere", "In the monthly customer insight post", "Only in the board pack"], 1, createdAt),
        Frequency("demo-b1", 1, ["listening"], "In the past 7 days, how often did you speak with a customer or read their feedback first-hand?", createdAt),
        Frequency("demo-b2", 2, ["insight"], "In the past 7 days, how often did you pass a customer insight to the team that could act on it?", createdAt),
        Frequency("demo-b3", 2, ["ownership"], "In the past 7 days, how often did you follow a customer issue through until it was resolved?", createdAt),
        Frequency("demo-b4", 3, ["data"], "In the past 7 days, how often did you use customer data to make a decision?", createdAt),
        Agreement("demo-a1", 1, ["understanding"], "I understand what our customers need from us.", createdAt),
        Agreement("demo-a2", 2, ["impact"], "I can see how my work affects our customers.", createdAt),
        Agreement("demo-a3", 2, ["feedback"], "Customer feedback leads to real change here.", createdAt),
        Agreement("demo-a4", 3, ["leadership"], "Our leaders visibly put customers first.", createdAt),
        new Question
        {
            Id = "demo-adv", Text = "How likely are you to recommend our products to a friend?", Dimension = QuestionDimension.Attitude, Level = 1,
            Kind = QuestionKind.Advocacy, Active = false, CreatedAt = createdAt,
        },
        new Question
        {
            Id = "demo-voice", Text = "What one thing could we do better for our customers?", Dimension = QuestionDimension.Voice, Level = 1,
            Kind = QuestionKind.FreeText, Active = false, CreatedAt = createdAt,
        },
    ];

    public static readonly string[] Comments =
    [
        "Faster response times on support tickets",
        "Shorter response times when customers email us",
        "Better onboarding for new customers in the first week",
        "Clearer invoices, customers often ask what a line means",
        "Simpler invoices and billing",
        "Call customers back when we said we would",
        "Share customer feedback with every team, not just support",
        "Fix the onboarding checklist, it is out of date",
        "Fewer handoffs between teams when a customer has a problem",
        "More training on the product for people outside support",
        "Publish the customer satisfaction results every month",
        "Let support staff refund small amounts without approval",
        "Tell customers about outages before they notice",
        "Proactive updates during outages",
        "One owner for each customer problem until it is resolved",
        "Better documentation and help articles",
        "Ask customers what outcome they need before proposing a solution",
        "Response times on live chat are too slow",
    ];

    private static Question Quiz(string id, int level, string[] tags, string text, string[] options, int correct, DateTimeOffset createdAt) => new()
    {
        Id = id,
        Text = text,
        Dimension = QuestionDimension.Knowledge,
        Level = level,
        Kind = QuestionKind.Quiz,
        Options = options,
        CorrectOption = correct,
        Tags = tags,
        Active = false,
        CreatedAt = createdAt,
    };

    private static Question Frequency(string id, int level, string[] tags, string text, DateTimeOffset createdAt) => new()
    {
        Id = id,
        Text = text,
        Dimension = QuestionDimension.Behaviour,
        Level = level,
        Kind = QuestionKind.Frequency,
        Tags = tags,
        Active = false,
        CreatedAt = createdAt,
    };

    private static Question Agreement(string id, int level, string[] tags, string text, DateTimeOffset createdAt) => new()
    {
        Id = id,
        Text = text,
        Dimension = QuestionDimension.Attitude,
        Level = level,
        Kind = QuestionKind.Agreement,
        Tags = tags,
        Active = false,
        CreatedAt = createdAt,
    };
}
