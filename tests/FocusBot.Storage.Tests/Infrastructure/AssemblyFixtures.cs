using FocusBot.Storage.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]
