namespace FocusBot.Bench.AnswersAzure;

/// <summary>A host to answer: a name and the commit it is published from.</summary>
internal sealed record AnswersAzureVariant(string Name, string Commit, string Description)
{
    /// <summary>The hand-written Table client FocusBot shipped before the swap (the commit the tables scenario loads).</summary>
    public static readonly AnswersAzureVariant Previous = new("previous", "6ea546d", "hand-written Table client");

    /// <summary>The swap branch's last commit: 6ea546d with the client on Azure.Data.Tables and nothing else.</summary>
    public static readonly AnswersAzureVariant Sdk = new("sdk", "98fdb8d", "6ea546d + Azure.Data.Tables");

    /// <summary>What the repository has now (HEAD): the SDK-based client and every change since.</summary>
    public static readonly AnswersAzureVariant Current = new("current", "HEAD", "Azure.Data.Tables, HEAD");

    public static IReadOnlyList<AnswersAzureVariant> All { get; } = [Previous, Sdk, Current];

    /// <summary>Letters only, as Azure table names take them: each host writes tables of its own on the one Azurite.</summary>
    public string TablePrefix => "bench" + Name;
}
