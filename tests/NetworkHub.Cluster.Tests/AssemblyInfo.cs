// Cluster tests run real processes and measure how long failures last; running them side by side on a small
// machine would starve the silos' failure detectors and blur the figures, so the tests of this assembly run one by one.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
