namespace FocusBot.Privacy;

/// <summary>The secret answers are filed under; kept in Key Vault in Azure.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>HMAC key for respondent pseudonyms. Required outside Development; changing it breaks answer continuity.</summary>
    public string? PseudonymSecret { get; set; }
}
