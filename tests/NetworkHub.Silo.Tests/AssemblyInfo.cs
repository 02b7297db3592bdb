[assembly: AssemblyFixture(typeof(NetworkHub.Silo.Tests.ClusterFixture))]
