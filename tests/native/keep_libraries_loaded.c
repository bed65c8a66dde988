/* Preloaded into cp_app for LeakSanitizer runs: makes dlclose() a no-op, so blocks leaked by GL
   drivers that SDL unloads at exit keep their library's name and can be suppressed by it
   (tests/native/lsan.supp) instead of showing up as "<unknown module>". */
int dlclose(void* handle) {
    (void)handle;
    return 0;
}
