using FocusBot.Domain.Roles;

namespace FocusBot.Tests.Support;

/// <summary>Someone in the test tenant: Teams user id, name, Entra object id, and the roles the test gives them.</summary>
public sealed record Person(string UserId, string Name, string AadObjectId, params Role[] Roles)
{
    public string Chat => "a:chat-" + UserId[3..];

    public static readonly Person Ruth = new("29:1ruth-okafor", "Ruth Okafor", "6c1f3a52-7d2e-4e0b-9c51-0b9a4f1d2e31", Role.Executive);
    public static readonly Person Hassan = new("29:1hassan-ali", "Hassan Ali", "0d4e8b6a-1f3c-4a7e-b2d9-5c6e7f8a9b01", Role.HR);
    public static readonly Person Ada = new("29:1ada-lindqvist", "Ada Lindqvist", "a1b2c3d4-0000-4000-8000-00000000ad01", Role.Admin);
    public static readonly Person Sam = new("29:1sam-staff", "Sam Carter", "5a3e0c7d-9b1f-4d2a-8e6c-1f0a2b3c4d05");
    public static readonly Person Megan = new("29:1megan-bowen", "Megan Bowen", "7e9f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a06");
    public static readonly Person Lee = new("29:1lee-wong", "Lee Wong", "8f0a1b2c-3d4e-4f5a-9b6c-8d9e0f1a2b07");

    public static readonly IReadOnlyList<Person> Everyone = [Ruth, Hassan, Ada, Sam, Megan, Lee];
}
