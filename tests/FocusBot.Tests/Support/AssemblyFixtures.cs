using FocusBot.TestSupport;

// One Azurite for the assembly: every flow runs on it as well as on SQLite, each host with tables of its own.
[assembly: AssemblyFixture(typeof(AzuriteFixture))]
