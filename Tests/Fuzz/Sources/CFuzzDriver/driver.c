// libFuzzer is linked from the toolchain (libclang_rt.fuzzer_no_main); this target only declares its driver.
