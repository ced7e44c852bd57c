/** cwfilter's property runner: generators, {@code PropCheck.forAll}, shrinking to a minimal failing example. */
module dev.cwfilter.propcheck {
    exports dev.cwfilter.propcheck;
}
