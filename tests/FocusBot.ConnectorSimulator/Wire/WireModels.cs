using System.Text.Json;
using FocusBot.ConnectorSimulator.Roster;

namespace FocusBot.ConnectorSimulator.Wire;

// The Bot Connector JSON shapes the simulator reads and writes (swagger ConnectorAPI.json).

internal sealed record ChannelAccount(string? Id, string? Name = null);

internal sealed record ConversationParameters(
    bool? IsGroup,
    ChannelAccount? Bot,
    IReadOnlyList<ChannelAccount>? Members,
    string? TenantId,
    JsonElement? Activity);

internal sealed record ResourceResponse(string Id);

internal sealed record ErrorResponse(ErrorBody Error);

internal sealed record ErrorBody(string Code, string Message);

internal sealed record PagedMembersResult(IReadOnlyList<SimulatedMember> Members, string? ContinuationToken);

internal sealed record ConversationList(IReadOnlyList<SimulatedChannel> Conversations);

internal sealed record TeamDetails(string Id, string? Name, string? AadGroupId);
