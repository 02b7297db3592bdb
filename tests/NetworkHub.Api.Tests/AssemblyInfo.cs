[assembly: AssemblyFixture(typeof(NetworkHub.Api.Tests.SharedHost))]
