using Azure;

namespace FocusBot.Storage.AzureTables;

/// <summary>The refusals the stores treat as answers (exists, changed meanwhile, missing), named on the SDK's exception.</summary>
internal static class TableRefusals
{
    extension(RequestFailedException exception)
    {
        public bool IsConflict => exception.Status == 409;

        public bool IsPreconditionFailed => exception.Status == 412;

        public bool IsNotFound => exception.Status == 404;
    }
}
