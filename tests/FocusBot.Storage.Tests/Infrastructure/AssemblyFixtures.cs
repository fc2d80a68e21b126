using FocusBot.TestSupport;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
