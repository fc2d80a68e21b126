namespace FocusBot.Domain.Recognitions;

/// <summary>
/// A public recognition of a person's customer focus, posted to a team channel: an executive's, or a colleague's
/// (<see cref="Kind"/>).
/// </summary>
public sealed record Recognition
{
    public required string Id { get; init; }

    /// <summary>Executive or peer; a recognition stored before peer recognition existed reads as executive.</summary>
    public RecognitionKind Kind { get; init; } = RecognitionKind.Executive;

    public required string TenantId { get; init; }

    public required string RecipientUserId { get; init; }

    public string? RecipientAadObjectId { get; init; }

    public required string RecipientName { get; init; }

    /// <summary>The author's Entra object id, or their Teams user id when Teams gave none: the key their weekly limit counts under.</summary>
    public required string AuthorAadObjectId { get; init; }

    public required string AuthorName { get; init; }

    /// <summary>The customer-focused behaviour recognised, one of the tenant's behaviours list.</summary>
    public required string Behaviour { get; init; }

    public required string Story { get; init; }

    public required string TeamId { get; init; }

    public required string ChannelId { get; init; }

    /// <summary>Id of the posted channel message, once posted.</summary>
    public string? ActivityId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>How many people applauded; counted by the store, ignored on create.</summary>
    public int ApplauseCount { get; init; }
}
