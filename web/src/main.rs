fn main() {
    wacost_web::mount_body();
}
