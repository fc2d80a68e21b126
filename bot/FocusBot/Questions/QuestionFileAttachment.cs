using System.Text.Json;
using FocusBot.Protocol.Activities;

namespace FocusBot.Questions;

/// <summary>
/// A file a person sent FocusBot in the personal chat. Teams delivers it as an attachment of type
/// <see cref="ContentType"/> whose content carries a short-lived, pre-authorised <c>downloadUrl</c> and the file type.
/// </summary>
public sealed record QuestionFileAttachment(string Name, string DownloadUrl, string? FileType)
{
    public const string ContentType = "application/vnd.microsoft.teams.file.download.info";

    public static IReadOnlyList<QuestionFileAttachment> From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var files = new List<QuestionFileAttachment>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (!string.Equals(attachment.ContentType, ContentType, StringComparison.OrdinalIgnoreCase)
                || attachment.Content is not { ValueKind: JsonValueKind.Object } content)
            {
                continue;
            }

            var url = Text(content, "downloadUrl");
            if (url is null)
                continue;
            files.Add(new QuestionFileAttachment(attachment.Name ?? "file", url, Text(content, "fileType")));
        }

        return files;
    }

    /// <summary>The extension, from the name or else Teams' fileType: "csv", "json", "xlsx", ... (any case).</summary>
    public string Extension
    {
        get
        {
            var fromName = Path.GetExtension(Name).TrimStart('.');
            return fromName.Length > 0 ? fromName : FileType ?? string.Empty;
        }
    }

    private static string? Text(JsonElement content, string name) =>
        content.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
